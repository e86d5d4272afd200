package org.crmkit.core;

/**
 * Thrown when a value or an operation breaks a domain rule: a field out of range, an illegal status change,
 * a card number where none may be.
 */
public class RuleViolationException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the rule that was broken and the offending value
     */
    public RuleViolationException(String message) {
        super(message);
    }
}
