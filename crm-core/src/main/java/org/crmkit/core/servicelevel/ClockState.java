package org.crmkit.core.servicelevel;

/** Where an item's service-level clock stands. */
public enum ClockState {
    /** No start event yet. */
    NOT_STARTED,
    /** Counting, within the target so far. */
    RUNNING,
    /** Stopped for now, within the target so far (waiting on the customer). */
    PAUSED,
    /** Finished within the target (or, for accuracy, handled without a defect). */
    MET,
    /** Past the target, finished or not (or, for accuracy, a defect was recorded). */
    BREACHED
}
