package org.crmkit.core.customer;

/** Where a customer can be reached: an {@link EmailAddress}, a {@link PhoneNumber} or a {@link PostalAddress}. */
public sealed interface ContactAddress permits EmailAddress, PhoneNumber, PostalAddress {
    /** {@return the kind of address} */
    ContactKind kind();
}
