package org.crmkit.core.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * A telephone number in E.164 form: {@code +}, a country code and the subscriber number, 8 to 15 digits in all.
 * Immutable.
 *
 * <p>{@link #of(String)} accepts the usual written forms of an international number ({@code "+1 (212) 555-0100"},
 * {@code "0044 20 7946 0958"}) and normalises them. A number in national form ({@code "020 7946 0958"}) needs the
 * region it was written in, a customer's or a location's: {@link #of(String, String)}.
 *
 * @param value the E.164 form, such as {@code "+12125550100"}
 */
public record PhoneNumber(String value) implements ContactAddress {
    /**
     * Normalises and validates the number.
     *
     * @throws RuleViolationException when the number is not an international number
     */
    public PhoneNumber {
        Checks.notNull("phone", value);
        value = normalise(value);
    }

    /**
     * Reads a phone number written in international form.
     *
     * @param text the number, with or without spaces, dashes, dots or parentheses
     * @return the number in E.164 form
     * @throws RuleViolationException when the text is not an international number
     */
    public static PhoneNumber of(String text) {
        return new PhoneNumber(text);
    }

    /**
     * Reads a phone number written as people write it in a region: in national form ({@code "07700 900123"} in
     * {@code GB}) or in international form, which the region does not change. Numbering plans come from Google's
     * libphonenumber.
     *
     * @param text the number as written
     * @param region the ISO 3166 region it was written in, such as {@code "GB"}
     * @return the number in E.164 form
     * @throws RuleViolationException when the region is unknown, or the text is not a number that region's plan
     *         could hold
     */
    public static PhoneNumber of(String text, String region) {
        Checks.notNull("phone", text);
        Checks.notNull("region", region);
        PhoneNumberUtil plans = PhoneNumberUtil.getInstance();
        if (!plans.getSupportedRegions().contains(region)) {
            throw new RuleViolationException("region must be an ISO 3166 region with a numbering plan: "
                    + Checks.quoted(region));
        }
        try {
            Phonenumber.PhoneNumber parsed = plans.parse(text, region);
            if (!plans.isPossibleNumber(parsed)) {
                throw new RuleViolationException("phone must be a possible number in " + region + ": "
                        + Checks.quoted(text.strip()));
            }
            return new PhoneNumber(plans.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new RuleViolationException("phone must be a number: " + Checks.quoted(text.strip()));
        }
    }

    @Override
    public ContactKind kind() {
        return ContactKind.PHONE;
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String text) {
        String t = text.strip();
        StringBuilder digits = new StringBuilder(16);
        int start;
        if (t.startsWith("+")) {
            start = 1;
        } else if (t.startsWith("00")) {
            start = 2;
        } else {
            throw new RuleViolationException("phone must start with + or 00 and a country code: " + Checks.quoted(t));
        }
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw new RuleViolationException("phone must contain only digits and separators: " + Checks.quoted(t));
            }
        }
        if (digits.length() < 8 || digits.length() > 15 || digits.charAt(0) == '0') {
            throw new RuleViolationException("phone must have 8 to 15 digits after a non-zero country code: "
                    + Checks.quoted(t));
        }
        return "+" + digits;
    }
}
