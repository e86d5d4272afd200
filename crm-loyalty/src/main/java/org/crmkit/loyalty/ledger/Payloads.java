package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.TreeMap;

import org.crmkit.core.common.Money;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;

/** Whether a posting replayed under a used key carries the payload that made the stored entry. */
final class Payloads {
    private Payloads() {
    }

    static boolean same(Posting posting, LedgerEntry entry, Account account) {
        LedgerEntry.Stamp s = entry.stamp();
        if (posting instanceof Posting.Earn p) {
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
        if (posting instanceof Posting.Accrue p) {
            return entry instanceof LedgerEntry.Accrual a && a.points() == p.points()
                    && a.qualifyingPoints() == (p.qualifying() ? p.points() : 0) && a.awards().isEmpty()
                    && sameStamp(s, p.at(), p.reason(), p.source());
        }
        if (posting instanceof Posting.Redeem p) {
            return entry instanceof LedgerEntry.Redemption r && r.points() == p.points()
                    && Objects.equals(r.reward(), p.reward()) && sameStamp(s, p.at(), p.reason(), p.source());
        }
        if (posting instanceof Posting.Adjust p) {
            return entry instanceof LedgerEntry.Adjustment a && a.points() == p.points()
                    && sameStamp(s, p.at(), p.reason(), p.source());
        }
        Posting.Reverse p = (Posting.Reverse) posting;
        return entry instanceof LedgerEntry.Reversal r
                && (r.original().equals(p.original()) || r.original().equals(account.releasedBy.get(p.original())))
                && sameStamp(s, p.at(), p.reason(), p.source());
    }

    /**
     * A digest of everything in an earn posting that earning reads: the touchpoint's id, customer, time, kind,
     * channel, direction, amount, line items and attributes, and when pending points post. 128 bits in base64url.
     */
    static String digest(Posting.Earn p) {
        Touchpoint t = p.touchpoint();
        StringBuilder b = new StringBuilder(256).append(t.id()).append('|').append(t.customerId()).append('|')
                .append(t.occurredAt()).append('|').append(t.kind().code()).append('|').append(t.channel().code())
                .append('|').append(t.direction()).append('|').append(t.amount().map(Money::toString).orElse(""));
        for (LineItem line : t.lineItems()) {
            b.append('|').append(line.sku()).append(',').append(line.category()).append(',').append(line.brand())
                    .append(',').append(line.quantity().toPlainString()).append(',').append(line.unitPrice());
        }
        new TreeMap<>(t.attributes()).forEach((k, v) -> b.append('|').append(k).append('=').append(v));
        b.append('|').append(p.postsAt());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            // Base64, not hex: a hex digest is often a run of decimal digits, which may read as a card number.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
