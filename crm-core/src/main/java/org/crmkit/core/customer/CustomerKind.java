package org.crmkit.core.customer;

/** Who the customer is: a person, an organization, or a government body (C11). */
public enum CustomerKind {
    /** A private person. */
    PERSON,
    /** A company or other organization. */
    ORGANIZATION,
    /** A government body. */
    GOVERNMENT
}
