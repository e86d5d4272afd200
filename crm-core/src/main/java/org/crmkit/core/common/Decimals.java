package org.crmkit.core.common;

import java.math.BigDecimal;

import org.crmkit.core.RuleViolationException;
import org.jspecify.annotations.Nullable;

/**
 * The decimal numbers crmkit accepts: amounts, quantities, rates, attribute numbers and rule literals. A number may
 * have at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point and {@value #MAX_FRACTION_DIGITS} after
 * it (trailing zeros aside), so that everything accepted can be written in plain notation and read back, whatever
 * exponent a document or a caller used: {@code 1e999999999} is refused instead of filling the heap when written.
 */
public final class Decimals {
    /** The most digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** The most digits after the decimal point, trailing zeros aside. */
    public static final int MAX_FRACTION_DIGITS = 20;
    /** The most digits in all, trailing zeros included, so that the stored form itself stays small. */
    public static final int MAX_DIGITS = 60;

    private Decimals() {
    }

    /**
     * Checks a number lies within the bounds; the message names the field and the number's size, never its digits
     * (a long number may be a card number).
     *
     * @param field the field, for the message
     * @param value the number
     * @return the number, unchanged
     * @throws RuleViolationException when it is null or out of bounds
     */
    public static BigDecimal bounded(String field, @Nullable BigDecimal value) {
        if (value == null) {
            throw new RuleViolationException(field + " must not be null");
        }
        if (value.precision() > MAX_DIGITS) {
            throw new RuleViolationException(field + " must have at most " + MAX_DIGITS + " digits: it has "
                    + value.precision());
        }
        if (value.signum() == 0) {
            return value;
        }
        // precision - scale counts digits before the point; on the stripped value the scale counts real decimals.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new RuleViolationException(field + " must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point: it has " + integerDigits);
        }
        if (value.scale() <= MAX_FRACTION_DIGITS) {
            return value; // no more decimals than that, trailing zeros or not: nothing to strip
        }
        int fractionDigits = value.stripTrailingZeros().scale();
        if (fractionDigits > MAX_FRACTION_DIGITS) {
            throw new RuleViolationException(field + " must have at most " + MAX_FRACTION_DIGITS
                    + " digits after the decimal point: it has " + fractionDigits);
        }
        return value;
    }
}
