package org.crmkit.core;

/**
 * Thrown when a write would create a second record for something that must be unique, such as an external id
 * that already belongs to another customer, or a touchpoint id reused for different content.
 */
public class DuplicateException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is duplicated, with the value
     */
    public DuplicateException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that revealed the duplicate, such as a database's unique-key
     * violation.
     *
     * @param message what is duplicated, with the value
     * @param cause the underlying failure
     */
    public DuplicateException(String message, Throwable cause) {
        super(message, cause);
    }
}
