package org.crmkit.loyalty.member;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.loyalty.internal.Checks;

/**
 * One entry of a member's tier history. Immutable.
 *
 * @param at when the change took effect
 * @param from the tier before (equal to {@code to} for the enrollment and for a review that kept the tier)
 * @param to the tier after
 * @param reason why
 * @param detail what the decision rested on, such as {@code "2,000 qualifying points in 2026"}
 */
public record TierChange(Instant at, String from, String to, Reason reason, String detail) {
    /** Validates the change. */
    public TierChange {
        Objects.requireNonNull(at, "at");
        Checks.code("from", from);
        Checks.code("to", to);
        Objects.requireNonNull(reason, "reason");
        detail = Checks.text("detail", detail, 500);
    }

    /** Why a tier changed. */
    public enum Reason {
        /** The member joined at this tier. */
        ENROLLED,
        /** A threshold was reached. */
        QUALIFIED,
        /** A period review found the tier no longer supported and lowered it. */
        REVIEWED_DOWN,
        /** A period review found the tier supported. */
        REVIEWED_KEPT,
        /** Set by an agent. */
        MANUAL,
        /** A reversal took away the counts that earned the tier (under {@code TierOnReversal.IMMEDIATE}). */
        REVERSED_DOWN
    }
}
