package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/** The argument checks every {@link BusinessCalendar} makes. */
final class CalendarArguments {
    private CalendarArguments() {
    }

    static void checkBetween(Instant from, Instant to) {
        Checks.notNull("from", from);
        Checks.notNull("to", to);
    }

    static void checkPlus(Instant from, Duration amount) {
        Checks.notNull("from", from);
        Checks.notNull("amount", amount);
        if (amount.isNegative()) {
            throw new RuleViolationException("business time to add must not be negative: " + amount);
        }
    }
}
