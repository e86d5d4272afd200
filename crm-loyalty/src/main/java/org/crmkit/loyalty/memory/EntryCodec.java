package org.crmkit.loyalty.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.loyalty.internal.Bytes;
import org.crmkit.loyalty.ledger.Award;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.LotDraw;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Ledger entries as bytes, for the in-memory store: a stored entry is then numbers in a shared array, not a graph
 * of objects that a collector must trace and copy. The member is not written; the journal holding the bytes names
 * it. Every entry starts with its kind, its sequence and its key, so that a key is read without the rest.
 */
final class EntryCodec {
    private static final byte ACCRUAL = 1;
    private static final byte PENDING = 2;
    private static final byte REDEMPTION = 3;
    private static final byte EXPIRY = 4;
    private static final byte ADJUSTMENT = 5;
    private static final byte REVERSAL = 6;
    /** Stands for a missing day: no day's epoch number comes near it. */
    private static final long NO_DAY = Long.MIN_VALUE;
    private static final Source.Kind[] SOURCE_KINDS = Source.Kind.values();
    private static final ReversalPolicy[] POLICIES = ReversalPolicy.values();

    private EntryCodec() {
    }

    /** Writes an entry, every field but its member. */
    static void write(LedgerEntry e, Bytes.Writer w) {
        byte kind = kind(e);
        LedgerEntry.Stamp s = e.stamp();
        w.putByte(kind).putLong(s.sequence()).putText(s.key().value());
        instant(w, s.at());
        w.putText(s.reason()).putByte(s.source().kind().ordinal()).putText(s.source().reference());
        draws(w, e.draws());
        if (e instanceof LedgerEntry.Accrual a) {
            w.putLong(a.points()).putLong(a.qualifyingPoints());
            decimal(w, a.spend());
            w.putInt(a.activities());
            awards(w, a.awards());
            day(w, a.expiresOn());
            w.putText(a.releases() == null ? null : a.releases().value()).putText(a.payload());
        } else if (e instanceof LedgerEntry.Pending p) {
            w.putLong(p.points()).putLong(p.qualifyingPoints());
            decimal(w, p.spend());
            w.putInt(p.activities());
            awards(w, p.awards());
            instant(w, p.postsAt());
            w.putText(p.payload());
        } else if (e instanceof LedgerEntry.Redemption r) {
            w.putLong(r.points()).putText(r.reward());
        } else if (e instanceof LedgerEntry.Expiry x) {
            w.putLong(x.points());
        } else if (e instanceof LedgerEntry.Adjustment a) {
            w.putLong(a.points());
            day(w, a.expiresOn());
        } else if (e instanceof LedgerEntry.Reversal r) {
            w.putText(r.original().value()).putLong(r.points()).putLong(r.forgiven()).putByte(r.policy().ordinal())
                    .putLong(r.qualifyingPoints());
            decimal(w, r.spend());
            w.putInt(r.activities());
            day(w, r.expiresOn());
        }
    }

    /** {@return about how many bytes an entry takes, so that its writer seldom grows} */
    static int sizeHint(LedgerEntry e) {
        LedgerEntry.Stamp s = e.stamp();
        int texts = s.key().value().length() + s.reason().length() + s.source().reference().length();
        List<Award> awards = e instanceof LedgerEntry.Accrual a ? a.awards()
                : e instanceof LedgerEntry.Pending p ? p.awards() : List.of();
        for (int i = 0; i < awards.size(); i++) {
            texts += awards.get(i).rule().length() + 13;
        }
        // Fixed fields, a payload and a second key, and room for a few characters of more than one byte.
        return 160 + texts + texts / 4 + 16 * e.draws().size();
    }

    /** {@return the entry's kind; an entry of a kind added later is refused here before any byte is written} */
    private static byte kind(LedgerEntry e) {
        if (e instanceof LedgerEntry.Accrual) {
            return ACCRUAL;
        } else if (e instanceof LedgerEntry.Pending) {
            return PENDING;
        } else if (e instanceof LedgerEntry.Redemption) {
            return REDEMPTION;
        } else if (e instanceof LedgerEntry.Expiry) {
            return EXPIRY;
        } else if (e instanceof LedgerEntry.Adjustment) {
            return ADJUSTMENT;
        } else if (e instanceof LedgerEntry.Reversal) {
            return REVERSAL;
        }
        throw new IllegalArgumentException("entry of an unknown kind: " + e.getClass().getName());
    }

    /** {@return the key of the entry written in {@code bytes}} */
    static IdempotencyKey key(byte[] bytes) {
        Bytes.Reader r = new Bytes.Reader(bytes);
        r.getByte();
        r.getLong();
        return IdempotencyKey.of(text(r));
    }

    /** {@return the entry written in {@code bytes}, for its member} */
    static LedgerEntry read(MemberNumber member, byte[] bytes) {
        Bytes.Reader r = new Bytes.Reader(bytes);
        byte kind = r.getByte();
        long sequence = r.getLong();
        IdempotencyKey key = IdempotencyKey.of(text(r));
        Instant at = instant(r);
        String reason = text(r);
        Source source = new Source(SOURCE_KINDS[r.getByte()], text(r));
        LedgerEntry.Stamp s = new LedgerEntry.Stamp(member, sequence, key, at, reason, source);
        List<LotDraw> draws = draws(r);
        // Java evaluates arguments left to right, so each constructor below reads its fields in the order written.
        return switch (kind) {
            case ACCRUAL -> new LedgerEntry.Accrual(s, r.getLong(), r.getLong(), decimal(r), r.getInt(), awards(r),
                    day(r), optionalKey(r), draws, r.getText());
            case PENDING -> new LedgerEntry.Pending(s, r.getLong(), r.getLong(), decimal(r), r.getInt(), awards(r),
                    instant(r), r.getText());
            case REDEMPTION -> new LedgerEntry.Redemption(s, r.getLong(), r.getText(), draws);
            case EXPIRY -> new LedgerEntry.Expiry(s, r.getLong(), draws);
            case ADJUSTMENT -> new LedgerEntry.Adjustment(s, r.getLong(), day(r), draws);
            case REVERSAL -> new LedgerEntry.Reversal(s, IdempotencyKey.of(text(r)), r.getLong(), r.getLong(),
                    POLICIES[r.getByte()], r.getLong(), decimal(r), r.getInt(), day(r), draws);
            default -> throw new IllegalStateException("stored entry of unknown kind " + kind + " at sequence "
                    + sequence + " of " + member);
        };
    }

    private static String text(Bytes.Reader r) {
        String s = r.getText();
        if (s == null) {
            throw new IllegalStateException("stored entry lacks a text it was written with");
        }
        return s;
    }

    private static @Nullable IdempotencyKey optionalKey(Bytes.Reader r) {
        String s = r.getText();
        return s == null ? null : IdempotencyKey.of(s);
    }

    private static void instant(Bytes.Writer w, Instant at) {
        w.putLong(at.getEpochSecond()).putInt(at.getNano());
    }

    private static Instant instant(Bytes.Reader r) {
        return Instant.ofEpochSecond(r.getLong(), r.getInt());
    }

    private static void day(Bytes.Writer w, @Nullable LocalDate day) {
        w.putLong(day == null ? NO_DAY : day.toEpochDay());
    }

    private static @Nullable LocalDate day(Bytes.Reader r) {
        long d = r.getLong();
        return d == NO_DAY ? null : LocalDate.ofEpochDay(d);
    }

    /** A decimal as its scale and unscaled value: a long while it fits, else the value's bytes. */
    private static void decimal(Bytes.Writer w, BigDecimal d) {
        w.putInt(d.scale());
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < Long.SIZE) {
            w.putByte(0).putLong(unscaled.longValue());
        } else {
            w.putByte(1).putBytes(unscaled.toByteArray());
        }
    }

    private static BigDecimal decimal(Bytes.Reader r) {
        int scale = r.getInt();
        if (r.getByte() == 0) {
            return BigDecimal.valueOf(r.getLong(), scale);
        }
        return new BigDecimal(new BigInteger(r.getBytes()), scale);
    }

    private static void draws(Bytes.Writer w, List<LotDraw> draws) {
        w.putInt(draws.size());
        for (int i = 0; i < draws.size(); i++) {
            w.putLong(draws.get(i).lot()).putLong(draws.get(i).points());
        }
    }

    private static List<LotDraw> draws(Bytes.Reader r) {
        int n = r.getInt();
        List<LotDraw> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new LotDraw(r.getLong(), r.getLong()));
        }
        return out;
    }

    private static void awards(Bytes.Writer w, List<Award> awards) {
        w.putInt(awards.size());
        for (int i = 0; i < awards.size(); i++) {
            Award a = awards.get(i);
            w.putText(a.rule()).putLong(a.points()).putByte(a.qualifying() ? 1 : 0);
        }
    }

    private static List<Award> awards(Bytes.Reader r) {
        int n = r.getInt();
        List<Award> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Award(text(r), r.getLong(), r.getByte() == 1));
        }
        return out;
    }
}
