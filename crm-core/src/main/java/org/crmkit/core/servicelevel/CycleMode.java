package org.crmkit.core.servicelevel;

/** What happens to elapsed time when an item starts again, such as a reopened case. */
public enum CycleMode {
    /** Time from every cycle adds up against one target. */
    ACCUMULATE,
    /**
     * Each cycle starts from zero; the reading is of the latest cycle, with earlier cycles' breaches kept. An event
     * may both stop and start the clock: a periodic update (the gap between one update and the next) is measured so.
     */
    RESTART
}
