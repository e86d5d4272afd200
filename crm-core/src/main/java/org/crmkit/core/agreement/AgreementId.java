package org.crmkit.core.agreement;

import org.crmkit.core.internal.Checks;

/**
 * Identifies one standing agreement. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record AgreementId(String value) {
    /**
     * Validates the id.
     *
     * @throws org.crmkit.core.RuleViolationException when the value is not a valid id
     */
    public AgreementId {
        value = Checks.id("agreement id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static AgreementId of(String value) {
        return new AgreementId(value);
    }

    /** {@return a new random id: a UUID} */
    public static AgreementId random() {
        return new AgreementId(Checks.randomId());
    }

    @Override
    public String toString() {
        return value;
    }
}
