package org.crmkit.core.customer;

/** The kinds of contact address; a profile has at most one primary address of each kind. */
public enum ContactKind {
    /** An email address. */
    EMAIL,
    /** A telephone number. */
    PHONE,
    /** A postal address. */
    POSTAL
}
