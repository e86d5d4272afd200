package org.crmkit.core.common;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a place of business: a branch, a counter, a city office. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record LocationId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public LocationId {
        value = Checks.id("location id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static LocationId of(String value) {
        return new LocationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
