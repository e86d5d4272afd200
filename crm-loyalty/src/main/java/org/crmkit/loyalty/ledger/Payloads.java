package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.TreeMap;

import com.google.common.hash.Hashing;

import org.crmkit.core.common.Money;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.loyalty.internal.Bytes;

/** Whether a posting replayed under a used key carries the payload that made the stored entry. */
final class Payloads {
    /** Base64, not hex: a hex digest is often a run of decimal digits, which may read as a card number. */
    private static final Base64.Encoder DIGEST_TEXT = Base64.getUrlEncoder().withoutPadding();

    private Payloads() {
    }

    static boolean same(Posting posting, LedgerEntry entry, Account account) {
        LedgerEntry.Stamp s = entry.stamp();
        return posting.accept(new Posting.Visitor<Boolean>() {
            @Override
            public Boolean earn(Posting.Earn p) {
                String stored = entry instanceof LedgerEntry.Accrual a ? a.payload()
                        : entry instanceof LedgerEntry.Pending q ? q.payload() : null;
                if (stored != null) {
                    return stored.equals(digest(p));
                }
                boolean sameSpend = p.touchpoint().amount().isEmpty() || activities(entry) == 0
                        || p.touchpoint().amount().get().amount().compareTo(spend(entry)) == 0;
                return (entry instanceof LedgerEntry.Accrual || entry instanceof LedgerEntry.Pending)
                        && s.source().equals(Source.touchpoint(p.touchpoint().id().value()))
                        && s.at().equals(p.touchpoint().occurredAt()) && sameSpend;
            }

            @Override
            public Boolean accrue(Posting.Accrue p) {
                return entry instanceof LedgerEntry.Accrual a && a.points() == p.points()
                        && a.qualifyingPoints() == (p.qualifying() ? p.points() : 0) && a.awards().isEmpty()
                        && sameStamp(s, p.at(), p.reason(), p.source());
            }

            @Override
            public Boolean redeem(Posting.Redeem p) {
                return entry instanceof LedgerEntry.Redemption r && r.points() == p.points()
                        && Objects.equals(r.reward(), p.reward()) && sameStamp(s, p.at(), p.reason(), p.source());
            }

            @Override
            public Boolean adjust(Posting.Adjust p) {
                return entry instanceof LedgerEntry.Adjustment a && a.points() == p.points()
                        && sameStamp(s, p.at(), p.reason(), p.source());
            }

            @Override
            public Boolean reverse(Posting.Reverse p) {
                return entry instanceof LedgerEntry.Reversal r
                        && (r.original().equals(p.original())
                            || r.original().equals(account.releasedBy.get(p.original())))
                        && sameStamp(s, p.at(), p.reason(), p.source());
            }

            @Override
            public Boolean transfer(Posting.Transfer p) {
                return entry instanceof LedgerEntry.Adjustment a && a.points() == -p.points()
                        && sameStamp(s, p.at(), p.reason(), Source.member(p.to()));
            }
        });
    }

    /**
     * A digest of everything in an earn posting that earning reads: the touchpoint's id, customer, time, kind,
     * channel, direction, amount, line items and attributes, and when pending points post. 128 bits of
     * MurmurHash3 in base64url: it tells an honest replay from a different posting under the same key.
     */
    static String digest(Posting.Earn p) {
        Touchpoint t = p.touchpoint();
        // Gathered first and hashed in one call: a streaming hasher's cost is per call, not per byte.
        Bytes.Writer in = new Bytes.Writer(128 + 2 * (t.id().value().length() + t.customerId().value().length())
                + 96 * t.lineItems().size());
        in.putChars(t.id().value()).putChars(t.customerId().value());
        in.putLong(t.occurredAt().getEpochSecond()).putInt(t.occurredAt().getNano());
        in.putChars(t.kind().code()).putChars(t.channel().code()).putInt(t.direction().ordinal());
        if (t.amount().isPresent()) {
            money(in, t.amount().get());
        } else {
            in.putByte(0);
        }
        in.putInt(t.lineItems().size());
        for (LineItem line : t.lineItems()) {
            in.putChars(line.sku()).putChars(line.category()).putChars(line.brand() == null ? "" : line.brand());
            decimal(in, line.quantity());
            money(in, line.unitPrice());
        }
        if (!t.attributes().isEmpty()) {
            new TreeMap<>(t.attributes()).forEach((k, v) -> in.putChars(k).putChars(v.toString()));
        }
        Instant postsAt = p.postsAt();
        in.putLong(postsAt == null ? Long.MIN_VALUE : postsAt.getEpochSecond());
        byte[] hash = Hashing.murmur3_128().hashBytes(in.array(), 0, in.size()).asBytes();
        return DIGEST_TEXT.encodeToString(hash);
    }

    /** An amount by its currency and numeric value. */
    private static void money(Bytes.Writer in, Money m) {
        in.putByte(1).putChars(m.currency().getCurrencyCode());
        decimal(in, m.amount());
    }

    /** A decimal by its numeric value: the scale of the stripped value and the value's hash. */
    private static void decimal(Bytes.Writer in, BigDecimal d) {
        in.putInt(d.signum() == 0 ? 0 : d.precision() - d.scale()).putInt(d.stripTrailingZeros().hashCode());
    }

    private static boolean sameStamp(LedgerEntry.Stamp s, Instant at, String reason, Source source) {
        return s.at().equals(at) && s.reason().equals(reason) && s.source().equals(source);
    }

    private static int activities(LedgerEntry e) {
        return e instanceof LedgerEntry.Accrual a ? a.activities()
                : e instanceof LedgerEntry.Pending p ? p.activities() : 0;
    }

    private static BigDecimal spend(LedgerEntry e) {
        return e instanceof LedgerEntry.Accrual a ? a.spend()
                : e instanceof LedgerEntry.Pending p ? p.spend() : BigDecimal.ZERO;
    }
}
