package org.crmkit.loyalty.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Texts;
import org.crmkit.core.payment.CardNumbers;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by crm-loyalty; not API. Messages name the field and the offending value. */
public final class Checks {
    private Checks() {
    }

    /** {@return the value, or an exception naming the field when it is null} */
    public static <T> T notNull(String field, @Nullable T value) {
        return Objects.requireNonNull(value, field);
    }

    /** {@return a lower-case code of letters, digits and {@code _.-}, at most 64 characters} */
    public static String code(String field, @Nullable String value) {
        notNull(field, value);
        if (!isCode(value)) {
            throw new RuleViolationException(field + " must be a lower-case code of letters, digits and _.-: "
                    + quoted(value));
        }
        return CardNumbers.requireNoCardNumber(field, value);
    }

    // A loop rather than a regular expression: codes are checked on the earning path.
    private static boolean isCode(String value) {
        int n = value.length();
        if (n == 0 || n > 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '_' || c == '.' || c == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@return stripped text, not blank, at most {@code max} characters, storable, without a card number} */
    public static String text(String field, @Nullable String value, int max) {
        notNull(field, value);
        String t = value.strip();
        if (t.isEmpty()) {
            throw new RuleViolationException(field + " must not be blank");
        }
        if (t.length() > max) {
            throw new RuleViolationException(field + " must be at most " + max + " characters: " + t.length());
        }
        Texts.requireStorable(field, t);
        return CardNumbers.requireNoCardNumber(field, t);
    }

    /** {@return the value when it is positive} */
    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new RuleViolationException(field + " must be positive: " + value);
        }
        return value;
    }

    /** {@return the value when it is zero or more} */
    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new RuleViolationException(field + " must not be negative: " + value);
        }
        return value;
    }

    /** {@return an immutable copy of at most {@code max} elements, none null; the size is checked first} */
    public static <T> List<T> list(String field, @Nullable Collection<? extends T> values, int max) {
        notNull(field, values);
        if (values.size() > max) {
            throw new RuleViolationException(field + " must hold at most " + max + " items: it holds "
                    + values.size());
        }
        return list(field, values);
    }

    /** {@return an immutable set of at most {@code max} elements, none null} */
    public static <T> Set<T> set(String field, @Nullable Collection<? extends T> values, int max) {
        return Set.copyOf(list(field, values, max));
    }

    /** {@return an immutable copy with no null element} */
    public static <T> List<T> list(String field, @Nullable Collection<? extends T> values) {
        notNull(field, values);
        try {
            return List.copyOf(values); // the same list, without a copy or an iterator, when already immutable
        } catch (NullPointerException e) {
            throw new NullPointerException(field + " element");
        }
    }

    /** {@return an immutable copy with no null element} */
    public static <T> Set<T> set(String field, @Nullable Collection<? extends T> values) {
        return Set.copyOf(list(field, values));
    }

    /** {@return the text in quotes, masked if it holds a card number} */
    public static String quoted(String value) {
        String shown = CardNumbers.containsCardNumber(value) ? CardNumbers.mask(value) : value;
        return "'" + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown) + "'";
    }
}
