package org.crmkit.core.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import org.crmkit.core.internal.Checks;

/**
 * A typed value: text, decimal number, yes/no, or calendar date. Used for custom profile attributes,
 * preference values, touchpoint attributes and case observations, so each is stored and compared by type.
 */
public sealed interface AttributeValue {

    /** {@return the value as plain Java: a {@code String}, {@code BigDecimal}, {@code Boolean} or {@code LocalDate}} */
    Object raw();

    /**
     * Creates a text value.
     *
     * @param text non-blank text without a card number
     * @return the value
     */
    static Text text(String text) {
        return new Text(text);
    }

    /**
     * Creates a decimal value.
     *
     * @param number the number
     * @return the value
     */
    static Decimal number(BigDecimal number) {
        return new Decimal(number);
    }

    /**
     * Creates a decimal value from a whole number.
     *
     * @param number the number
     * @return the value
     */
    static Decimal number(long number) {
        return new Decimal(BigDecimal.valueOf(number));
    }

    /**
     * Creates a yes/no value.
     *
     * @param flag the flag
     * @return the value
     */
    static Flag flag(boolean flag) {
        return flag ? Flag.TRUE : Flag.FALSE;
    }

    /**
     * Creates a date value.
     *
     * @param date the date
     * @return the value
     */
    static Date date(LocalDate date) {
        return new Date(date);
    }

    /**
     * Text, at most {@value Checks#MAX_SHORT_TEXT} characters.
     *
     * @param value the text
     */
    record Text(String value) implements AttributeValue {
        /** Validates the text. */
        public Text {
            value = Checks.shortText("text value", value);
        }

        @Override
        public Object raw() {
            return value;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * A decimal number, compared by numeric value ({@code 2.0} equals {@code 2}).
     *
     * @param value the number
     */
    record Decimal(BigDecimal value) implements AttributeValue {
        /**
         * Normalises the scale so equal numbers are equal values.
         *
         * @throws org.crmkit.core.RuleViolationException when the number is outside {@link Decimals}' bounds
         */
        public Decimal {
            Objects.requireNonNull(value, "value");
            Decimals.bounded("attribute number", value);
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public Object raw() {
            return value;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /**
     * Yes or no.
     *
     * @param value the flag
     */
    record Flag(boolean value) implements AttributeValue {
        static final Flag TRUE = new Flag(true);
        static final Flag FALSE = new Flag(false);

        @Override
        public Object raw() {
            return value;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /**
     * A calendar date.
     *
     * @param value the date
     */
    record Date(LocalDate value) implements AttributeValue {
        /** Checks for null. */
        public Date {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Object raw() {
            return value;
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }
}
