package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A person at a key-account client the business deals with, and their role (C4: the client's own key staff).
 * Immutable.
 *
 * @param name the person's name
 * @param role their role, such as {@code "IT director"}
 * @param contact how to reach them, if known
 * @param profile their own customer profile, if they have one
 */
public record KeyContact(String name, String role, @Nullable ContactAddress contact, @Nullable CustomerId profile) {
    /** Validates the key contact. */
    public KeyContact {
        name = Checks.shortText("key contact name", name);
        role = Checks.shortText("key contact role", role);
    }
}
