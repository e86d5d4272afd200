package org.crmkit.core.unify;

/** What identity resolution advises for a candidate pair. */
public enum MatchDecision {
    /**
     * The pair's probability of describing one customer reaches the merge threshold, and some field beyond the
     * names agrees (exactly or closely), and the given names do not differ outright: names alone, or a shared
     * household's address under two given names, go to review instead.
     */
    MERGE,
    /** Between the review and merge thresholds: a person should look. */
    REVIEW,
    /** Below the review threshold. */
    KEEP_APART
}
