package org.crmkit.core.payment;

import java.util.Objects;

import org.crmkit.core.RuleViolationException;

/**
 * Detects full payment card numbers in text, so that they are refused wherever text is accepted.
 *
 * <p>A card number is a group of 13 to 19 digits, optionally split by single spaces or dashes, that passes the
 * Luhn check. Longer digit groups (tracking numbers, ledger references) are not card numbers.
 */
public final class CardNumbers {
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumbers() {
    }

    /**
     * Tells whether the text contains something that looks like a full card number.
     *
     * @param text the text to scan
     * @return true when a digit group of 13 to 19 digits passing the Luhn check is found
     */
    public static boolean containsCardNumber(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return nextCard(text, 0) != null;
    }

    /**
     * Replaces every card number in the text with {@code <card number>}, so the text can be shown or logged.
     *
     * @param text the text
     * @return the text without card numbers; the same text when it holds none
     */
    public static String mask(CharSequence text) {
        Objects.requireNonNull(text, "text");
        int[] card = nextCard(text, 0);
        if (card == null) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        while (card != null) {
            out.append(text, done, card[0]).append("<card number>");
            done = card[1];
            card = nextCard(text, done);
        }
        return out.append(text, done, text.length()).toString();
    }

    /** The next card number at or after {@code from}, as {start, end}; null when there is none. */
    private static int @org.jspecify.annotations.Nullable [] nextCard(CharSequence text, int from) {
        int n = text.length();
        if (n - from < MIN_DIGITS) {
            return null; // most ids and codes are too short to hold a card number
        }
        int i = from;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            // One digit group: digits joined by at most one space or dash between digits.
            int count = 0;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    count++;
                    j++;
                } else if ((c == ' ' || c == '-') && j + 1 < n && isDigit(text.charAt(j + 1)) && j > i) {
                    j++;
                } else {
                    break;
                }
            }
            if (count >= MIN_DIGITS && count <= MAX_DIGITS && passesLuhn(text, i, j)) {
                return new int[] {i, j};
            }
            i = j;
        }
        return null;
    }

    /**
     * Tells whether a string of digits passes the Luhn check.
     *
     * @param digits decimal digits only
     * @return true when the Luhn checksum is valid
     * @throws RuleViolationException when {@code digits} is empty or holds a non-digit
     */
    public static boolean passesLuhn(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !digits.chars().allMatch(CardNumbers::isDigit)) {
            throw new RuleViolationException("digits must be decimal digits only");
        }
        return passesLuhn(digits, 0, digits.length());
    }

    /**
     * Refuses text that contains a card number. The message names the field but never repeats the text.
     *
     * @param field the name of the field, for the message
     * @param text the text to check
     * @return the text, unchanged
     * @throws RuleViolationException when the text contains a card number
     */
    public static String requireNoCardNumber(String field, String text) {
        if (containsCardNumber(text)) {
            throw new RuleViolationException(field + " must not contain a payment card number");
        }
        return text;
    }

    /** The Luhn check over the digits of {@code text[from, to)}, skipping separators; no copy, as text is checked often. */
    private static boolean passesLuhn(CharSequence text, int from, int to) {
        int sum = 0;
        boolean doubled = false;
        for (int k = to - 1; k >= from; k--) {
            char c = text.charAt(k);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
