package org.crmkit.core.touchpoint;

/** How service compared with what the customer expected (C2). */
public enum Expectation {
    /** Worse than expected. */
    FELL_SHORT,
    /** As expected. */
    MET,
    /** Better than expected: service beyond expectation. */
    EXCEEDED
}
