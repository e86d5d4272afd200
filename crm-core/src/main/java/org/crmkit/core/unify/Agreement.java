package org.crmkit.core.unify;

/**
 * How far two profiles agree on one {@link MatchField}. What counts as close or partial depends on the field: for
 * names, close is a nickname or a likely typo (Jaro-Winkler similarity of at least 0.92) and partial a weaker
 * likeness (0.80) or the same initial; for a birth date, close is day and month transposed or the year one digit
 * off; for email, close is the same name at another domain (unless that name is made of the person's names alone,
 * which namesakes choose too: then it is no evidence), or a letter after the first mistyped, dropped or swapped with
 * its neighbour (other numbers, separators or initials are another person's); for phone, close is the same last
 * eight digits; for an address, exact is the same first line and postal code, or a shared fixed-line phone, close
 * the same or a likely-typed first line with the postal code equal or missing on one side, partial the same postal
 * code with another line; an identifier is exact or different. A field missing on either side has no agreement
 * and weighs nothing.
 */
public enum Agreement {
    /** The same value, once normalised. */
    EXACT,
    /** Nearly the same value. */
    CLOSE,
    /** Somewhat alike. */
    PARTIAL,
    /** Different values. */
    DIFFERENT
}
