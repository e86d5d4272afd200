package org.crmkit.core.consent;

/** Whether a consent record gives or takes back permission. */
public enum ConsentStatus {
    /** Permission given. */
    GRANTED,
    /** Permission taken back. */
    WITHDRAWN
}
