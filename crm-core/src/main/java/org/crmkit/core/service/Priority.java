package org.crmkit.core.service;

/** How urgently a case must be worked, lowest first. */
public enum Priority {
    /** When there is time. */
    LOW,
    /** In the normal course. */
    NORMAL,
    /** Before normal work. */
    HIGH,
    /** At once. */
    URGENT
}
