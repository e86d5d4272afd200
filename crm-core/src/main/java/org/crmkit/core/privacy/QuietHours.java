package org.crmkit.core.privacy;

import java.time.LocalTime;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * Hours of the customer's local day in which nobody is contacted, {@code [from, until)}; may wrap midnight
 * ({@code 21:00-08:00}). Immutable.
 *
 * @param from when quiet hours begin
 * @param until when they end
 */
public record QuietHours(LocalTime from, LocalTime until) {
    /** Validates the span. */
    public QuietHours {
        Checks.notNull("from", from);
        Checks.notNull("until", until);
        if (from.equals(until)) {
            throw new RuleViolationException("quiet hours must not begin and end at the same time: " + from);
        }
    }

    /**
     * Tells whether a local time is quiet.
     *
     * @param time the customer's local time
     * @return true inside the quiet hours
     */
    public boolean contains(LocalTime time) {
        Checks.notNull("time", time);
        return from.isBefore(until) ? !time.isBefore(from) && time.isBefore(until)
                : !time.isBefore(from) || time.isBefore(until);
    }
}
