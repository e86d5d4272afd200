package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;

/**
 * Identifies one unified customer profile. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record CustomerId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public CustomerId {
        value = Checks.id("customer id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    /** {@return a new random id: a UUID} */
    public static CustomerId random() {
        return new CustomerId(Checks.randomId());
    }

    @Override
    public String toString() {
        return value;
    }
}
