package org.crmkit.loyalty.ledger;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.loyalty.internal.Checks;

/**
 * Makes a posting safe to repeat: within one member's ledger a key is used by one entry only, and posting it
 * again returns that entry. Immutable.
 *
 * @param value 1-200 letters, digits or {@code ._:@/+-}
 */
public record IdempotencyKey(String value) {
    /** Validates the key. */
    public IdempotencyKey {
        Checks.notNull("idempotency key", value);
        if (!wellFormed(value)) {
            throw new RuleViolationException("idempotency key must be 1-200 letters, digits or ._:@/+-: "
                    + Checks.quoted(value));
        }
        CardNumbers.requireNoCardNumber("idempotency key", value);
    }

    // A loop rather than a regular expression: a key is checked on every posting.
    private static boolean wellFormed(String value) {
        int n = value.length();
        if (n == 0 || n > 200) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '@' || c == '/' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a key.
     *
     * @param value the key's text
     * @return the key
     */
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /**
     * The key under which a touchpoint earns: its id, so a touchpoint earns once however often it is offered.
     *
     * @param touchpoint the touchpoint's id
     * @return {@code touchpoint:<id>}
     */
    public static IdempotencyKey ofTouchpoint(TouchpointId touchpoint) {
        return new IdempotencyKey("touchpoint:" + touchpoint.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
