package org.crmkit.core.service;

/** The work lanes of a key-account desk (C4). */
public enum Lane {
    /** Sales: visit, order, contract, delivery, activation. */
    GREEN,
    /** Routine care: visits both ways, courtesy calls. */
    YELLOW,
    /** Faults and complaints. */
    RED
}
