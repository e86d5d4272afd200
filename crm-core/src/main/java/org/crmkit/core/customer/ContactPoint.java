package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One way to reach a customer, with whether it was verified and whether it is the customer's primary address of
 * its kind. Immutable.
 *
 * @param address the address
 * @param verified true when the customer proved it is theirs (a confirmed email, an answered call)
 * @param primary true when it is the address to use first for its kind
 * @param label an optional label such as {@code "work"}
 */
public record ContactPoint(ContactAddress address, boolean verified, boolean primary, @Nullable String label) {
    /** Validates the contact point. */
    public ContactPoint {
        Checks.notNull("address", address);
        label = Checks.optionalShortText("label", label);
    }

    /**
     * An unverified, non-primary contact point without a label.
     *
     * @param address the address
     * @return the contact point
     */
    public static ContactPoint of(ContactAddress address) {
        return new ContactPoint(address, false, false, null);
    }

    /**
     * A verified contact point without a label.
     *
     * @param address the address
     * @return the contact point
     */
    public static ContactPoint verified(ContactAddress address) {
        return new ContactPoint(address, true, false, null);
    }

    /** {@return the kind of the address} */
    public ContactKind kind() {
        return address.kind();
    }

    /** {@return a copy marked primary or not} */
    public ContactPoint withPrimary(boolean isPrimary) {
        return isPrimary == primary ? this : new ContactPoint(address, verified, isPrimary, label);
    }
}
