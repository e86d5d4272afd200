package org.crmkit.loyalty.program;

/**
 * When a reversal takes back counts that earned a tier (a refunded stay that made the member gold), whether the
 * tier falls at once or at the next review.
 */
public enum TierOnReversal {
    /** The tier stands until the period's review, which judges the counts as they are by then. */
    AT_REVIEW,
    /**
     * The tier is judged again at once, on the counts of the period the reversed entry belongs to: when they no
     * longer reach it, it falls to the tier they support (soft landing does not apply to a correction). Only a tier
     * reached by qualifying can fall this way; one set by an agent stands.
     */
    IMMEDIATE
}
