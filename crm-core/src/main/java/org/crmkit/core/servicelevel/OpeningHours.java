package org.crmkit.core.servicelevel;

import java.time.LocalTime;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * One span of business hours within a day, {@code [opens, closes)} in local time. {@code closes} may be
 * {@code 00:00}, meaning the end of the day. Immutable.
 *
 * @param opens when the span starts
 * @param closes when it ends; after {@code opens}, or {@code 00:00} for midnight
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {
    /**
     * Validates the span.
     *
     * @throws RuleViolationException when it is empty or reversed
     */
    public OpeningHours {
        Checks.notNull("opens", opens);
        Checks.notNull("closes", closes);
        if (opens.getNano() != 0 || closes.getNano() != 0) {
            throw new RuleViolationException("opening hours must be whole seconds: " + opens + "-" + closes);
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new RuleViolationException("opening hours must close after they open: " + opens + "-" + closes);
        }
    }

    /**
     * Reads {@code "09:00-17:30"}.
     *
     * @param text opening and closing time joined by a dash
     * @return the span
     */
    public static OpeningHours parse(String text) {
        Checks.notNull("opening hours", text);
        int dash = text.indexOf('-');
        if (dash <= 0) {
            throw new RuleViolationException("opening hours must be written as HH:MM-HH:MM: " + Checks.quoted(text));
        }
        try {
            return new OpeningHours(LocalTime.parse(text.substring(0, dash).strip()),
                    LocalTime.parse(text.substring(dash + 1).strip()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new RuleViolationException("opening hours must be written as HH:MM-HH:MM: " + Checks.quoted(text));
        }
    }

    /** {@return true when the span runs to midnight} */
    public boolean toMidnight() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
