package org.crmkit.core.customer;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * The id a customer has in another system, such as a dealer's or a repair shop's (C10). An external id belongs
 * to at most one profile. The text form is {@code system:value}. Immutable.
 *
 * @param system lower-case code of the source system, such as {@code "dealer-042"}
 * @param value the id in that system
 */
public record ExternalId(String system, String value) {
    /** Validates the id. */
    public ExternalId {
        system = Checks.code("external id system", system);
        value = Checks.id("external id value", value);
    }

    /**
     * Creates an external id.
     *
     * @param system the source system
     * @param value the id there
     * @return the external id
     */
    public static ExternalId of(String system, String value) {
        return new ExternalId(system, value);
    }

    /**
     * Reads the text form {@code system:value}.
     *
     * @param text the text
     * @return the external id
     * @throws RuleViolationException when there is no {@code :} or a part is invalid
     */
    public static ExternalId parse(String text) {
        Checks.notNull("external id", text);
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new RuleViolationException("external id must be written as system:value: " + Checks.quoted(text));
        }
        return new ExternalId(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return system + ":" + value;
    }
}
