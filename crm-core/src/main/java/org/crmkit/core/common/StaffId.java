package org.crmkit.core.common;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a member of staff: an agent, a waiter, an account manager. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record StaffId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public StaffId {
        value = Checks.id("staff id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
