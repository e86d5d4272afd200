package org.crmkit.core.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * An amount of money in one currency, held as a decimal (never floating point).
 *
 * <p>The amount is kept with at least the currency's minor digits, so {@code 12.5 USD} and {@code 12.50 USD}
 * are the same value, while finer amounts such as a fuel unit price of {@code 1.459 EUR} keep their digits.
 * The text form is {@code "12.50 USD"}. Immutable and thread-safe.
 *
 * @param amount the amount, possibly negative (a refund)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /**
     * Normalises the scale.
     *
     * @throws NullPointerException when an argument is null
     * @throws RuleViolationException when the amount is outside {@link Decimals}' bounds
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Decimals.bounded("amount", amount);
        int minor = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal stripped = amount.stripTrailingZeros();
        amount = stripped.scale() < minor ? stripped.setScale(minor) : stripped;
    }

    /**
     * Creates an amount.
     *
     * @param amount the amount as decimal text or a {@code BigDecimal}
     * @param currencyCode the ISO 4217 code, such as {@code "USD"}
     * @return the money value
     * @throws RuleViolationException when the currency code is unknown
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /**
     * Creates an amount from decimal text.
     *
     * @param amount decimal text such as {@code "12.50"}
     * @param currencyCode the ISO 4217 code
     * @return the money value
     * @throws RuleViolationException when the amount is not a decimal number or the currency is unknown
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(decimal("amount", amount), currency(currencyCode));
    }

    /**
     * Zero in the given currency.
     *
     * @param currencyCode the ISO 4217 code
     * @return zero money
     */
    public static Money zero(String currencyCode) {
        return new Money(BigDecimal.ZERO, currency(currencyCode));
    }

    /**
     * Reads the text form {@code "12.50 USD"}.
     *
     * @param text amount, one space, currency code
     * @return the money value
     * @throws RuleViolationException when the text is not of that form
     */
    public static Money parse(String text) {
        Objects.requireNonNull(text, "text");
        int space = text.indexOf(' ');
        if (space <= 0 || space != text.lastIndexOf(' ')) {
            throw new RuleViolationException("money must be written as '<amount> <currency>': " + Checks.quoted(text));
        }
        return of(text.substring(0, space), text.substring(space + 1));
    }

    /**
     * Adds another amount in the same currency.
     *
     * @param other the amount to add
     * @return the sum
     * @throws RuleViolationException when the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Subtracts another amount in the same currency.
     *
     * @param other the amount to subtract
     * @return the difference
     * @throws RuleViolationException when the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by a quantity.
     *
     * @param factor the quantity
     * @return the product, exact
     */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    /** {@return the amount with the opposite sign} */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** {@return true when the amount is below zero} */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** {@return true when the amount is zero} */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws RuleViolationException when the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** {@return the text form, such as {@code "12.50 USD"}, which {@link #parse} reads back} */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new RuleViolationException("currency must match " + currency + ": " + other.currency);
        }
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("currency must be an ISO 4217 code: " + Checks.quoted(code));
        }
    }

    private static BigDecimal decimal(String field, String text) {
        Objects.requireNonNull(text, field);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RuleViolationException(field + " must be a decimal number: " + Checks.quoted(text));
        }
    }
}
