package org.crmkit.core.touchpoint;

import org.crmkit.core.internal.Checks;

/**
 * Identifies one touchpoint; also the idempotency key of what it earns. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record TouchpointId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public TouchpointId {
        value = Checks.id("touchpoint id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static TouchpointId of(String value) {
        return new TouchpointId(value);
    }

    /** {@return a new random id: a UUID} */
    public static TouchpointId random() {
        return new TouchpointId(Checks.randomId());
    }

    @Override
    public String toString() {
        return value;
    }
}
