package org.crmkit.core.servicelevel;

/** What a standard measures: the three things customers value in C3. */
public enum Dimension {
    /** How long something takes, from a start event to a stop event (application processing, card issuing). */
    TIMELINESS,
    /** How many items are handled without a defect (C6: under 1% defects). */
    ACCURACY,
    /** How quickly the business answers (inquiry answers, waiting guests served). */
    RESPONSIVENESS
}
