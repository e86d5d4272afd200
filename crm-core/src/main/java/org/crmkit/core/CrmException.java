package org.crmkit.core;

/**
 * Root of every exception crmkit throws on purpose: bad input, broken rules, missing or conflicting records.
 *
 * <p>Messages follow one style: a lower-case subject, the rule, and the offending value, for example
 * {@code "confidence must be between 0 and 1: 1.7"}. They never contain a card number, token or key.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the given message.
     *
     * @param message what went wrong
     */
    public CrmException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the given message and cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
