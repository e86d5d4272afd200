package org.crmkit.core.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Texts;
import org.crmkit.core.payment.CardNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Validation shared by the value types of crm-core. Not API: other modules must not use it.
 *
 * <p>Every check names the field and, except for free text, the offending value.
 */
public final class Checks {
    /** Longest free text accepted in one field (a staff note, an observation, a description). */
    public static final int MAX_TEXT = 4_000;
    /** Longest short text accepted (a name, a label, a role). */
    public static final int MAX_SHORT_TEXT = 200;

    private Checks() {
    }

    /** {@return the value, or an exception naming the field when it is null} */
    public static <T> T notNull(String field, @Nullable T value) {
        return Objects.requireNonNull(value, field);
    }

    /**
     * Validates free text: not blank, at most {@code max} characters, storable ({@link Texts#requireStorable}), no
     * payment card number. Leading and trailing white space is removed.
     */
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

    /** Like {@link #text} with {@link #MAX_SHORT_TEXT}. */
    public static String shortText(String field, @Nullable String value) {
        return text(field, value, MAX_SHORT_TEXT);
    }

    /** Like {@link #shortText} but null stays null. */
    public static @Nullable String optionalShortText(String field, @Nullable String value) {
        return value == null ? null : shortText(field, value);
    }

    /** Like {@link #text} but null stays null. */
    public static @Nullable String optionalText(String field, @Nullable String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    /** Validates a code: lower-case letters, digits, {@code _ . -}, starting with a letter or digit, 1-64 long. */
    public static String code(String field, @Nullable String value) {
        notNull(field, value);
        if (!isCode(value)) {
            throw new RuleViolationException(field + " must be lower-case letters, digits, '_', '.' or '-' (1-64): "
                    + quoted(value));
        }
        return CardNumbers.requireNoCardNumber(field, value);
    }

    /** {@return the text, refused when it is null or holds a payment card number} */
    public static String noCardNumber(String field, @Nullable String value) {
        notNull(field, value);
        return CardNumbers.requireNoCardNumber(field, value);
    }

    /** Validates an identifier: 1-128 characters from letters, digits and {@code . _ : @ / + -}. */
    public static String id(String field, @Nullable String value) {
        notNull(field, value);
        if (!isId(value)) {
            throw new RuleViolationException(field + " must be 1-128 letters, digits or ._:@/+- : " + quoted(value));
        }
        return CardNumbers.requireNoCardNumber(field, value);
    }

    /** Whether the text is 1-128 characters from letters, digits and {@code . _ : @ / + -}, starting with one of the
     * first two: a loop, since every posting and touchpoint checks ids and a regular expression allocates. */
    private static boolean isId(String value) {
        int n = value.length();
        if (n == 0 || n > 128 || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && ".:_@/+-".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is 1-64 lower-case letters, digits, {@code _ . -}, starting with a letter or digit. */
    private static boolean isCode(String value) {
        int n = value.length();
        if (n == 0 || n > 64 || !lowerOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!lowerOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean letterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** Checks a number lies in [0, 1]. */
    public static double unitInterval(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new RuleViolationException(field + " must be between 0 and 1: " + value);
        }
        return value;
    }

    /** Checks a version is not negative. */
    public static long version(long value) {
        if (value < 0) {
            throw new RuleViolationException("version must not be negative: " + value);
        }
        return value;
    }

    /**
     * An immutable copy of a list of at most {@code max} elements, with a null check on the list and each element.
     * The size is checked first, so that a hostile list costs nothing more.
     */
    public static <T> List<T> list(String field, @Nullable Collection<? extends T> values, int max) {
        notNull(field, values);
        atMost(field, values.size(), max);
        return list(field, values);
    }

    /** An immutable copy of a map of at most {@code max} entries, with null checks as {@link #map(String, Map)}. */
    public static <K, V> Map<K, V> map(String field, @Nullable Map<? extends K, ? extends V> values, int max) {
        notNull(field, values);
        atMost(field, values.size(), max);
        return map(field, values);
    }

    private static void atMost(String field, int size, int max) {
        if (size > max) {
            throw new RuleViolationException(field + " must hold at most " + max + " items: it holds " + size);
        }
    }

    /** An immutable copy of the list with a null check on the list and each element. */
    public static <T> List<T> list(String field, @Nullable Collection<? extends T> values) {
        notNull(field, values);
        try {
            return List.copyOf(values); // the same list, without a copy or an iterator, when already immutable
        } catch (NullPointerException e) {
            throw new NullPointerException(field + " element");
        }
    }

    /** An immutable copy of the map with a null check on the map, each key and each value. */
    public static <K, V> Map<K, V> map(String field, @Nullable Map<? extends K, ? extends V> values) {
        notNull(field, values);
        for (Map.Entry<? extends K, ? extends V> e : values.entrySet()) {
            notNull(field + " key", e.getKey());
            notNull(field + " value", e.getValue());
        }
        return Map.copyOf(values);
    }

    /**
     * A random UUID as text that no card-number check refuses: a UUID's digit-only groups joined by dashes can
     * read as a Luhn-valid card number, so such draws are discarded.
     */
    public static String randomId() {
        while (true) {
            String id = java.util.UUID.randomUUID().toString();
            if (!CardNumbers.containsCardNumber(id)) {
                return id;
            }
        }
    }

    /** Quotes text for a message, cut to 80 characters and with card numbers masked. */
    public static String quoted(String value) {
        String v = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return CardNumbers.containsCardNumber(v) ? "<masked>" : "'" + v + "'";
    }
}
