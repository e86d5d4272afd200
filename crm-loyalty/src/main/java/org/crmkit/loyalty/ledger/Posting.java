package org.crmkit.loyalty.ledger;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.Reward;
import org.crmkit.segmentation.rule.Subject;
import org.jspecify.annotations.Nullable;

/**
 * A request to change a member's ledger, posted with {@link Ledger#post}. Every posting carries an idempotency
 * key: posting the same key again returns the entry it made the first time, and posting it with a different
 * payload is refused.
 */
public sealed interface Posting {

    /** {@return the member} */
    MemberNumber member();

    /** {@return the idempotency key} */
    IdempotencyKey key();

    /**
     * Calls the visitor's method for this kind of posting. A new kind of posting adds a method to {@link Visitor},
     * so that no code handling postings can miss it.
     *
     * @param visitor what to do with each kind
     * @param <R> what the visit returns
     * @return what the visitor returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * What to do with each kind of posting.
     *
     * @param <R> what a visit returns
     */
    interface Visitor<R> {
        /** @param posting an earning @return the result */
        R earn(Earn posting);

        /** @param posting an accrual @return the result */
        R accrue(Accrue posting);

        /** @param posting a redemption @return the result */
        R redeem(Redeem posting);

        /** @param posting an adjustment @return the result */
        R adjust(Adjust posting);

        /** @param posting a reversal @return the result */
        R reverse(Reverse posting);

        /** @param posting a transfer to another member @return the result */
        R transfer(Transfer posting);
    }

    /**
     * Earns through the program's earning rules for a touchpoint, keyed by the touchpoint's id.
     *
     * @param member the member
     * @param touchpoint the purchase, flight, stay or rental
     * @param subject what eligibility rules are evaluated against, or null when no rule has one
     * @param postsAt when the points post, for pending points (after a stay ends); null to post at once
     */
    record Earn(MemberNumber member, Touchpoint touchpoint, @Nullable Subject subject, @Nullable Instant postsAt)
            implements Posting {
        /** Validates the posting. */
        public Earn {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(touchpoint, "touchpoint");
            if (postsAt != null && postsAt.isBefore(touchpoint.occurredAt())) {
                throw new RuleViolationException("postsAt must not be before the touchpoint: " + postsAt);
            }
        }

        /**
         * Earns for a touchpoint at once.
         *
         * @param member the member
         * @param touchpoint the touchpoint
         * @param subject for eligibility rules, or null when none has one
         */
        public Earn(MemberNumber member, Touchpoint touchpoint, @Nullable Subject subject) {
            this(member, touchpoint, subject, null);
        }

        @Override
        public IdempotencyKey key() {
            return IdempotencyKey.ofTouchpoint(touchpoint.id());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.earn(this);
        }
    }

    /**
     * Credits points directly (a partner's points, a welcome bonus).
     *
     * @param member the member
     * @param key the idempotency key
     * @param points positive
     * @param qualifying whether they count toward tier status
     * @param at when
     * @param reason why
     * @param source where from
     */
    record Accrue(MemberNumber member, IdempotencyKey key, long points, boolean qualifying, Instant at,
            String reason, Source source) implements Posting {
        /** Validates the posting. */
        public Accrue {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(key, "key");
            Checks.positive("points", points);
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
            Objects.requireNonNull(source, "source");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.accrue(this);
        }
    }

    /**
     * Spends points, oldest lots first; refused when the balance does not cover them.
     *
     * @param member the member
     * @param key the idempotency key
     * @param points positive
     * @param reward the catalogue reward's code, or null
     * @param at when
     * @param reason why
     * @param source where from
     */
    record Redeem(MemberNumber member, IdempotencyKey key, long points, @Nullable String reward, Instant at,
            String reason, Source source) implements Posting {
        /** Validates the posting. */
        public Redeem {
            Objects.requireNonNull(member, "member");
            if (reward != null) {
                CardNumbers.requireNoCardNumber("reward", reward);
            }
            Objects.requireNonNull(key, "key");
            Checks.positive("points", points);
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
            Objects.requireNonNull(source, "source");
        }

        /**
         * Redeems a catalogue reward at its cost.
         *
         * @param member the member
         * @param key the idempotency key
         * @param reward the reward
         * @param at when
         * @param source where from
         * @return the posting
         */
        public static Redeem reward(MemberNumber member, IdempotencyKey key, Reward reward, Instant at,
                Source source) {
            return new Redeem(member, key, reward.cost(), reward.code(), at, reward.description(), source);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.redeem(this);
        }
    }

    /**
     * Corrects a balance by hand; needs a reason. A debit cannot take the balance below zero.
     *
     * @param member the member
     * @param key the idempotency key
     * @param points the correction, not zero
     * @param at when
     * @param reason why, required
     * @param source who
     */
    record Adjust(MemberNumber member, IdempotencyKey key, long points, Instant at, String reason, Source source)
            implements Posting {
        /** Validates the posting. */
        public Adjust {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(key, "key");
            if (points == 0) {
                throw new RuleViolationException("adjustment points must not be zero");
            }
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
            Objects.requireNonNull(source, "source");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.adjust(this);
        }
    }

    /**
     * Reverses an earlier accrual, pending points or redemption, once; the program's reversal policy decides
     * what happens to points already spent.
     *
     * @param member the member
     * @param key the idempotency key
     * @param original the key of the entry to reverse
     * @param at when
     * @param reason why
     * @param source where from
     */
    record Reverse(MemberNumber member, IdempotencyKey key, IdempotencyKey original, Instant at, String reason,
            Source source) implements Posting {
        /** Validates the posting. */
        public Reverse {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
            Objects.requireNonNull(source, "source");
        }

        /**
         * Takes back what a purchase earned when it is refunded (C7): the refund touchpoint names the purchase in
         * {@link Touchpoint#relatedTo()} and carries no reason.
         *
         * @param member the member
         * @param refund the refund or return touchpoint
         * @return the posting, keyed by the refund's id
         * @throws RuleViolationException when the refund names no purchase
         */
        public static Reverse refund(MemberNumber member, Touchpoint refund) {
            var purchase = refund.relatedTo().orElseThrow(() -> new RuleViolationException(
                    "refund touchpoint must name the purchase it refunds: " + refund.id()));
            return new Reverse(member, IdempotencyKey.ofTouchpoint(refund.id()),
                    IdempotencyKey.ofTouchpoint(purchase), refund.occurredAt(), "refund of " + purchase,
                    Source.touchpoint(refund.id().value()));
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reverse(this);
        }
    }
    /**
     * Moves points from one member to another of the same program: between two people, or into a household's or a
     * company's pool, which is a member of its own enrolled under the household's or company's profile (C4). The
     * giver's ledger gets a debit and the receiver's a credit, both under this key and each naming the other
     * member as its source, so every transferred point is traced from lot to lot. The credit's lot expires when the
     * soonest of the lots it was taken from would have: a transfer never lengthens a point's life. Qualifying points
     * do not move.
     *
     * @param member the giver
     * @param to the receiver
     * @param key the idempotency key, used on both ledgers
     * @param points how many, positive, at most the giver's balance
     * @param at when
     * @param reason why, in words
     */
    record Transfer(MemberNumber member, MemberNumber to, IdempotencyKey key, long points, Instant at, String reason)
            implements Posting {
        /** Validates the posting. */
        public Transfer {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(to, "to");
            if (member.equals(to)) {
                throw new RuleViolationException("transfer needs two members: " + member + " to itself");
            }
            Objects.requireNonNull(key, "key");
            Checks.positive("points", points);
            Objects.requireNonNull(at, "at");
            reason = Checks.text("reason", reason, 500);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.transfer(this);
        }
    }
}
