package org.crmkit.core.unify;

/** What identity resolution advises for a candidate pair. */
public enum MatchDecision {
    /**
     * The pair's probability of describing one customer reaches the merge threshold, and some field beyond the
     * names agrees (exactly or closely), and the pair is not one family name under two given names: names alone,
     * or a household's address shared by two of its members, go to review instead.
     */
    MERGE,
    /** Between the review and merge thresholds: a person should look. */
    REVIEW,
    /** Below the review threshold. */
    KEEP_APART
}
