package org.crmkit.core.service;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The allowed moves are:
 * <pre>
 * OPEN                -&gt; IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED
 * IN_PROGRESS         -&gt; WAITING_ON_CUSTOMER, RESOLVED
 * WAITING_ON_CUSTOMER -&gt; IN_PROGRESS, RESOLVED, CLOSED
 * RESOLVED            -&gt; CLOSED, REOPENED
 * CLOSED              -&gt; REOPENED
 * REOPENED            -&gt; IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED
 * </pre>
 */
public enum CaseStatus {
    /** Recorded, not yet worked on. */
    OPEN,
    /** Being worked on. */
    IN_PROGRESS,
    /** Waiting for the customer; service-level clocks pause here. */
    WAITING_ON_CUSTOMER,
    /** A resolution was given. */
    RESOLVED,
    /** Finished. */
    CLOSED,
    /** Opened again after being resolved or closed. */
    REOPENED;

    /** {@return the statuses this one may move to} */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER -> EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
            case CLOSED -> EnumSet.of(REOPENED);
            case REOPENED -> EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
        };
    }

    /** {@return true when this status may move to the other} */
    public boolean canMoveTo(CaseStatus other) {
        return next().contains(other);
    }

    /** {@return true for resolved and closed cases} */
    public boolean isTerminal() {
        return this == RESOLVED || this == CLOSED;
    }
}
