package org.crmkit.core.servicelevel;

import org.crmkit.core.internal.Checks;

/**
 * Identifies a service-level standard across its versions. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record StandardId(String value) {
    /** Validates the id. */
    public StandardId {
        value = Checks.id("standard id", value);
    }

    /**
     * Creates the id.
     *
     * @param value the id text
     * @return the id
     */
    public static StandardId of(String value) {
        return new StandardId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
