package org.crmkit.core.preference;

/** How a customer stands toward a preference's value. */
public enum Polarity {
    /** Would like it. */
    LIKES,
    /** Would rather not have it. */
    DISLIKES,
    /** Must have it (a full-size car, a wheelchair-accessible room). */
    REQUIRES,
    /** Must not have it (garlic, for one guest of C5). */
    AVOIDS
}
