package org.crmkit.core.service;

import org.crmkit.core.internal.Checks;

/**
 * Identifies one service case. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record CaseId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public CaseId {
        value = Checks.id("case id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static CaseId of(String value) {
        return new CaseId(value);
    }

    /** {@return a new random id: a UUID} */
    public static CaseId random() {
        return new CaseId(Checks.randomId());
    }

    @Override
    public String toString() {
        return value;
    }
}
