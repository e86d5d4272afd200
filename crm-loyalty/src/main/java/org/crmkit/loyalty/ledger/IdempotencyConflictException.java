package org.crmkit.loyalty.ledger;

import org.crmkit.core.DuplicateException;

/** Thrown when an idempotency key is posted again with a different payload. Nothing is changed. */
public class IdempotencyConflictException extends DuplicateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message names the member, the key and the entry that holds it
     */
    public IdempotencyConflictException(String message) {
        super(message);
    }
}
