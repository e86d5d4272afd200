package org.crmkit.loyalty.event;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;

/**
 * What a ledger tells its listeners after a change is stored: points posted, redeemed, reversed or expired, and a
 * member's tier changed. Published once per stored change: a posting replayed with its idempotency key, on this
 * ledger or another over the same store, stores nothing and publishes nothing. Each event has a stable
 * {@link #id()}, so a listener that sees one twice (after a retry of its own) can tell. Immutable.
 */
public sealed interface LoyaltyEvent {
    /** {@return the member} */
    MemberNumber member();

    /** {@return when the change takes effect} */
    Instant at();

    /** {@return an id that is the same for the same change, whichever ledger published it} */
    String id();

    /**
     * The event for a stored entry.
     *
     * @param entry the entry
     * @return points redeemed, reversed or expired for those kinds; points posted for the others
     */
    static LoyaltyEvent of(LedgerEntry entry) {
        if (entry instanceof LedgerEntry.Redemption r) {
            return new PointsRedeemed(r);
        }
        if (entry instanceof LedgerEntry.Reversal r) {
            return new PointsReversed(r);
        }
        if (entry instanceof LedgerEntry.Expiry e) {
            return new PointsExpired(e);
        }
        return new PointsPosted(entry);
    }

    /** An event about one stored entry: its member, instant and id are the entry's. */
    sealed interface EntryEvent extends LoyaltyEvent {
        /** {@return the entry stored} */
        LedgerEntry entry();

        @Override
        default MemberNumber member() {
            return entry().member();
        }

        @Override
        default Instant at() {
            return entry().at();
        }

        @Override
        default String id() {
            return entry().member().value() + "/entry/" + entry().sequence();
        }
    }

    /**
     * Points earned (an accrual), earned but held back (a pending entry), or adjusted by an agent.
     *
     * @param entry the entry stored
     */
    record PointsPosted(LedgerEntry entry) implements EntryEvent {
        /** Checks the entry's kind. */
        public PointsPosted {
            Objects.requireNonNull(entry, "entry");
            if (!(entry instanceof LedgerEntry.Accrual || entry instanceof LedgerEntry.Pending
                    || entry instanceof LedgerEntry.Adjustment)) {
                throw new IllegalArgumentException("points posted are an accrual, a pending entry or an adjustment: "
                        + entry.getClass().getSimpleName());
            }
        }
    }

    /**
     * Points spent on a reward.
     *
     * @param entry the redemption stored
     */
    record PointsRedeemed(LedgerEntry.Redemption entry) implements EntryEvent {
        /** Checks for null. */
        public PointsRedeemed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Points taken back, such as on a refund (C7).
     *
     * @param entry the reversal stored
     */
    record PointsReversed(LedgerEntry.Reversal entry) implements EntryEvent {
        /** Checks for null. */
        public PointsReversed {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * Points past their expiry, swept.
     *
     * @param entry the expiry stored
     */
    record PointsExpired(LedgerEntry.Expiry entry) implements EntryEvent {
        /** Checks for null. */
        public PointsExpired {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /**
     * A member's tier changed: on enrolment, on qualifying, at a review, or after a reversal.
     *
     * @param member the member
     * @param change the change, with its reason
     * @param position the change's position in the member's tier history, from 1
     */
    record TierChanged(MemberNumber member, TierChange change, int position) implements LoyaltyEvent {
        /** Checks for nulls. */
        public TierChanged {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(change, "change");
            if (position < 1) {
                throw new IllegalArgumentException("position must be positive: " + position);
            }
        }

        @Override
        public Instant at() {
            return change.at();
        }

        @Override
        public String id() {
            return member.value() + "/tier/" + position;
        }
    }

    /**
     * Points about to expire, within the program's notice period: one event per lot. Told at least once: each run of
     * {@code Ledger.noticeExpiring} tells again of the lots still due, under the same {@link #id()}, so a listener
     * that remembers what it told the member tells it once.
     *
     * @param member the member
     * @param lot the lot's id
     * @param points the points left in the lot
     * @param expiresOn the day they expire
     * @param at when the notice was made
     */
    record PointsExpiring(MemberNumber member, long lot, long points, java.time.LocalDate expiresOn, Instant at)
            implements LoyaltyEvent {
        /** Checks for nulls. */
        public PointsExpiring {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(expiresOn, "expiresOn");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public String id() {
            return member.value() + "/expiring/" + lot + "/" + expiresOn;
        }
    }
}
