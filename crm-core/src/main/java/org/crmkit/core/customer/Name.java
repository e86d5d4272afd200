package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/** The name of a customer: a {@link Person}'s or an {@link Organization}'s. */
public sealed interface Name {

    /** {@return the name as it is shown to staff, for example at the rental stall (C1)} */
    String display();

    /**
     * A person's name.
     *
     * @param given given name
     * @param family family name, if known
     * @return the name
     */
    static Person person(String given, @Nullable String family) {
        return new Person(given, family);
    }

    /**
     * An organization's or government body's name.
     *
     * @param legalName the registered name
     * @return the name
     */
    static Organization organization(String legalName) {
        return new Organization(legalName);
    }

    /**
     * A person's name. Immutable.
     *
     * @param given given name
     * @param family family name, if known
     */
    record Person(String given, @Nullable String family) implements Name {
        /** Validates the name. */
        public Person {
            given = Checks.shortText("given name", given);
            family = Checks.optionalShortText("family name", family);
        }

        @Override
        public String display() {
            return family == null ? given : given + " " + family;
        }
    }

    /**
     * An organization's name. Immutable.
     *
     * @param legalName the registered name
     */
    record Organization(String legalName) implements Name {
        /** Validates the name. */
        public Organization {
            legalName = Checks.shortText("legal name", legalName);
        }

        @Override
        public String display() {
            return legalName;
        }
    }
}
