package org.crmkit.core.customer;

import java.util.Locale;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.payment.CardNumbers;

/**
 * An email address, lower-cased so that lookups by email find a profile whatever case it was written in.
 * Immutable.
 *
 * @param value the address, such as {@code "mei.lin@example.com"}
 */
public record EmailAddress(String value) implements ContactAddress {
    /**
     * Normalises and validates the address.
     *
     * @throws RuleViolationException when the address is not of the form {@code local@domain.tld}
     */
    public EmailAddress {
        Checks.notNull("email", value);
        value = value.strip().toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        boolean valid = value.length() <= 254
                && at > 0 && at <= 64
                && at == value.lastIndexOf('@')
                && value.indexOf('.', at) > at + 1
                && !value.endsWith(".")
                && value.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        if (!valid) {
            throw new RuleViolationException("email must be of the form local@domain.tld: " + Checks.quoted(value));
        }
        CardNumbers.requireNoCardNumber("email", value);
    }

    /**
     * Reads an email address.
     *
     * @param text the address
     * @return the normalised address
     * @throws RuleViolationException when the text is not an email address
     */
    public static EmailAddress of(String text) {
        return new EmailAddress(text);
    }

    @Override
    public ContactKind kind() {
        return ContactKind.EMAIL;
    }

    @Override
    public String toString() {
        return value;
    }
}
