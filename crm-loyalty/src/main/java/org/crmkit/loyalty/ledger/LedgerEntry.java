package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Decimals;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One append-only entry of a member's points ledger. The balance is the sum of the entries' {@link #delta}s.
 *
 * <p>Points live in credit lots. An entry may change existing lots ({@link #draws}) and open one lot of its own,
 * named by its sequence number, holding {@link #opened} points; so the balance is also the sum of the open lots,
 * and every point can be traced from the entry that earned it to the entries that took it. A lot is negative only
 * when a clawback took more than was left (under {@link ReversalPolicy#NEGATIVE_BALANCE}); later credits settle it
 * first.
 */
public sealed interface LedgerEntry {

    /** {@return the fields every entry has} */
    Stamp stamp();

    /** {@return the change to the balance} */
    long delta();

    /** {@return the changes made to existing lots, oldest lot first} */
    List<LotDraw> draws();

    /** {@return the day the lot opened by this entry expires, or null} */
    default @Nullable LocalDate expiresOn() {
        return null;
    }

    /** {@return the member} */
    default MemberNumber member() {
        return stamp().member();
    }

    /** {@return the position in the member's ledger, from 1} */
    default long sequence() {
        return stamp().sequence();
    }

    /** {@return the idempotency key} */
    default IdempotencyKey key() {
        return stamp().key();
    }

    /** {@return when the entry takes effect} */
    default Instant at() {
        return stamp().at();
    }

    /** {@return the points of the lot this entry opens: its delta less what its draws moved; 0 for none} */
    default long opened() {
        long moved = 0;
        for (LotDraw d : draws()) {
            moved += d.points();
        }
        return delta() - moved;
    }

    /**
     * Checks a digest as the ledger writes it: 22 base64url characters.
     *
     * @param digest the digest, or null
     * @return the digest
     */
    // A loop, not a regular expression: every accrual from a touchpoint is checked.
    private static boolean isDigest(String s) {
        if (s.length() != 22) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String payload(@Nullable String digest) {
        if (digest != null && !isDigest(digest)) {
            throw new RuleViolationException("payload must be a digest of 22 base64url characters: "
                    + Checks.quoted(digest));
        }
        return digest == null ? null : CardNumbers.requireNoCardNumber("payload", digest);
    }

    /**
     * The fields every entry has. Immutable.
     *
     * @param member the member
     * @param sequence position in the member's ledger, from 1
     * @param key the idempotency key
     * @param at when the entry takes effect
     * @param reason why, in words
     * @param source where it came from
     */
    record Stamp(MemberNumber member, long sequence, IdempotencyKey key, Instant at, String reason, Source source) {
        /** Validates the fields. */
        public Stamp {
            Objects.requireNonNull(member, "member");
            Checks.positive("sequence", sequence);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Points earned, available at once.
     *
     * @param stamp the common fields
     * @param points points earned, zero or more (a touchpoint no rule rewarded still records that it was offered)
     * @param qualifyingPoints the part that counts toward tier status
     * @param spend spend in the program's currency that counts toward tier status
     * @param activities earning touchpoints that count toward tier status (0 or 1)
     * @param awards the points per earning rule
     * @param expiresOn when the lot expires, or null
     * @param releases the pending entry this accrual posts, or null
     * @param draws debts settled before the lot opens
     * @param payload a digest of the touchpoint that earned it, to tell a replay from a different posting under the
     *     same key; null for entries that did not come from a touchpoint
     */
    record Accrual(Stamp stamp, long points, long qualifyingPoints, BigDecimal spend, int activities,
            List<Award> awards, @Nullable LocalDate expiresOn, @Nullable IdempotencyKey releases,
            List<LotDraw> draws, @Nullable String payload) implements LedgerEntry {

        /**
         * An accrual that did not come from a touchpoint.
         *
         * @param stamp the common fields
         * @param points points earned
         * @param qualifyingPoints the part that counts toward tier status
         * @param spend spend that counts toward tier status
         * @param activities earning touchpoints that count toward tier status
         * @param awards the points per earning rule
         * @param expiresOn when the lot expires, or null
         * @param releases the pending entry this accrual posts, or null
         * @param draws debts settled before the lot opens
         */
        public Accrual(Stamp stamp, long points, long qualifyingPoints, BigDecimal spend, int activities,
                List<Award> awards, @Nullable LocalDate expiresOn, @Nullable IdempotencyKey releases,
                List<LotDraw> draws) {
            this(stamp, points, qualifyingPoints, spend, activities, awards, expiresOn, releases, draws, null);
        }

        /** Validates the accrual. */
        public Accrual {
            Objects.requireNonNull(stamp, "stamp");
            Checks.nonNegative("points", points);
            if (qualifyingPoints < 0 || qualifyingPoints > points) {
                throw new RuleViolationException("qualifying points must be between 0 and " + points + ": "
                        + qualifyingPoints);
            }
            spend = Decimals.bounded("spend", spend).stripTrailingZeros();
            Checks.nonNegative("activities", activities);
            awards = Checks.list("awards", awards);
            draws = Checks.list("draws", draws);
            payload = LedgerEntry.payload(payload);
        }

        @Override
        public long delta() {
            return points;
        }
    }

    /**
     * Points promised, posted as an {@link Accrual} from {@code postsAt} (after a stay ends). Does not change the
     * balance.
     *
     * @param stamp the common fields
     * @param points points that will post
     * @param qualifyingPoints the part that will count toward tier status
     * @param spend the spend that will count toward tier status
     * @param activities the activities that will count
     * @param awards the points per earning rule
     * @param postsAt when they post
     * @param payload a digest of the touchpoint that earned them, as for {@link Accrual#payload()}
     */
    record Pending(Stamp stamp, long points, long qualifyingPoints, BigDecimal spend, int activities,
            List<Award> awards, Instant postsAt, @Nullable String payload) implements LedgerEntry {

        /**
         * Pending points without a touchpoint digest.
         *
         * @param stamp the common fields
         * @param points points that will post
         * @param qualifyingPoints the part that will count toward tier status
         * @param spend the spend that will count toward tier status
         * @param activities the activities that will count
         * @param awards the points per earning rule
         * @param postsAt when they post
         */
        public Pending(Stamp stamp, long points, long qualifyingPoints, BigDecimal spend, int activities,
                List<Award> awards, Instant postsAt) {
            this(stamp, points, qualifyingPoints, spend, activities, awards, postsAt, null);
        }

        /** Validates the entry. */
        public Pending {
            Objects.requireNonNull(stamp, "stamp");
            Checks.nonNegative("points", points);
            Checks.nonNegative("qualifyingPoints", qualifyingPoints);
            spend = Decimals.bounded("spend", spend).stripTrailingZeros();
            Checks.nonNegative("activities", activities);
            awards = Checks.list("awards", awards);
            Objects.requireNonNull(postsAt, "postsAt");
            payload = LedgerEntry.payload(payload);
        }

        @Override
        public long delta() {
            return 0;
        }

        @Override
        public List<LotDraw> draws() {
            return List.of();
        }
    }

    /**
     * Points spent, taken from the oldest lots.
     *
     * @param stamp the common fields
     * @param points points spent, positive
     * @param reward the catalogue reward's code, or null
     * @param draws the lots the points came from
     */
    record Redemption(Stamp stamp, long points, @Nullable String reward, List<LotDraw> draws)
            implements LedgerEntry {
        /** Validates the redemption. */
        public Redemption {
            Objects.requireNonNull(stamp, "stamp");
            if (reward != null) {
                reward = Checks.code("reward", reward);
            }
            Checks.positive("points", points);
            draws = Checks.list("draws", draws);
        }

        @Override
        public long delta() {
            return -points;
        }
    }

    /**
     * Points expired, lot by lot.
     *
     * @param stamp the common fields
     * @param points points expired, positive
     * @param draws the lots that expired
     */
    record Expiry(Stamp stamp, long points, List<LotDraw> draws) implements LedgerEntry {
        /** Validates the expiry. */
        public Expiry {
            Objects.requireNonNull(stamp, "stamp");
            Checks.positive("points", points);
            draws = Checks.list("draws", draws);
        }

        @Override
        public long delta() {
            return -points;
        }
    }

    /**
     * A manual correction by an agent, with a reason.
     *
     * @param stamp the common fields
     * @param points the correction, not zero
     * @param expiresOn when the lot opened by a credit expires, or null
     * @param draws lots taken from by a debit, or debts settled by a credit
     */
    record Adjustment(Stamp stamp, long points, @Nullable LocalDate expiresOn, List<LotDraw> draws)
            implements LedgerEntry {
        /** Validates the adjustment. */
        public Adjustment {
            Objects.requireNonNull(stamp, "stamp");
            if (points == 0) {
                throw new RuleViolationException("adjustment points must not be zero");
            }
            draws = Checks.list("draws", draws);
        }

        @Override
        public long delta() {
            return points;
        }
    }

    /**
     * Takes back an earlier accrual (a refund), cancels pending points, or gives back a redemption, once per
     * original entry.
     *
     * @param stamp the common fields
     * @param original the key of the entry reversed
     * @param points the change to the balance: negative for a clawback, positive for a redemption given back,
     *        zero for cancelled pending points or a clawback fully forgiven
     * @param forgiven points of the original that were already spent and not taken back, by the policy
     * @param policy the reversal policy applied
     * @param qualifyingPoints qualifying points taken back from tier status
     * @param spend spend taken back from tier status
     * @param activities activities taken back from tier status
     * @param expiresOn when the lot opened by a redemption given back expires, or null
     * @param draws the lots taken from, or debts settled
     */
    record Reversal(Stamp stamp, IdempotencyKey original, long points, long forgiven, ReversalPolicy policy,
            long qualifyingPoints, BigDecimal spend, int activities, @Nullable LocalDate expiresOn,
            List<LotDraw> draws) implements LedgerEntry {
        /** Validates the reversal. */
        public Reversal {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(original, "original");
            Checks.nonNegative("forgiven", forgiven);
            Objects.requireNonNull(policy, "policy");
            Checks.nonNegative("qualifyingPoints", qualifyingPoints);
            spend = Decimals.bounded("spend", spend).stripTrailingZeros();
            Checks.nonNegative("activities", activities);
            draws = Checks.list("draws", draws);
        }

        @Override
        public long delta() {
            return points;
        }
    }
}
