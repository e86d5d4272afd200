package org.crmkit.core.touchpoint;

/** Who started an interaction. */
public enum Direction {
    /** The customer reached the business. */
    INBOUND,
    /** The business reached the customer (C9: the call center calling out). */
    OUTBOUND
}
