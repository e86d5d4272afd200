package org.crmkit.loyalty.member;

import java.util.regex.Pattern;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A member's number, the id of a membership. Immutable; equal when the numbers are.
 *
 * <p>A class rather than a record so that it can keep its hash: every posting looks its member up in a few maps,
 * and over many members a text's hash is one more place in memory to read.
 */
public final class MemberNumber implements Comparable<MemberNumber> {
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

    private final String value;
    private final int hash;

    /**
     * Validates the number.
     *
     * @param value 3-32 upper-case letters, digits or hyphens, starting with a letter or digit
     */
    public MemberNumber(String value) {
        Checks.notNull("member number", value);
        if (!FORM.matcher(value).matches()) {
            throw new RuleViolationException("member number must be 3-32 upper-case letters, digits or hyphens: "
                    + Checks.quoted(value));
        }
        CardNumbers.requireNoCardNumber("member number", value);
        this.value = value;
        this.hash = value.hashCode();
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

    /** {@return the number as text} */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || o instanceof MemberNumber other && hash == other.hash && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return hash;
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
