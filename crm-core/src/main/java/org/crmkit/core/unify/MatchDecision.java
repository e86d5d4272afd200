package org.crmkit.core.unify;

/** What identity resolution advises for a candidate pair. */
public enum MatchDecision {
    /** The pair's probability of describing one customer reaches the merge threshold. */
    MERGE,
    /** Between the review and merge thresholds: a person should look. */
    REVIEW,
    /** Below the review threshold. */
    KEEP_APART
}
