package org.crmkit.loyalty.member;

import java.util.regex.Pattern;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.internal.Checks;

/**
 * A member's number, the id of a membership. Immutable.
 *
 * @param value 3-32 upper-case letters, digits or hyphens, starting with a letter or digit
 */
public record MemberNumber(String value) implements Comparable<MemberNumber> {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

    /** Validates the number. */
    public MemberNumber {
        Checks.notNull("member number", value);
        if (!FORM.matcher(value).matches()) {
            throw new RuleViolationException("member number must be 3-32 upper-case letters, digits or hyphens: "
                    + Checks.quoted(value));
        }
        CardNumbers.requireNoCardNumber("member number", value);
    }

    /**
     * Reads a member number.
     *
     * @param value the text
     * @return the number
     */
    public static MemberNumber of(String value) {
        return new MemberNumber(value);
    }

    @Override
    public int compareTo(MemberNumber o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
