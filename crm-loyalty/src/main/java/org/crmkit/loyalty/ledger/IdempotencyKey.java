package org.crmkit.loyalty.ledger;

import java.util.regex.Pattern;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.loyalty.internal.Checks;

/**
 * Makes a posting safe to repeat: within one member's ledger a key is used by one entry only, and posting it
 * again returns that entry. Immutable.
 *
 * @param value 1-200 letters, digits or {@code ._:@/+-}
 */
public record IdempotencyKey(String value) {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:@/+-]{1,200}");

    /** Validates the key. */
    public IdempotencyKey {
        Checks.notNull("idempotency key", value);
        if (!FORM.matcher(value).matches()) {
            throw new RuleViolationException("idempotency key must be 1-200 letters, digits or ._:@/+-: "
                    + Checks.quoted(value));
        }
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
