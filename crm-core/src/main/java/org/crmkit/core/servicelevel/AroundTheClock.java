package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/** The calendar that counts every moment: business time equals wall time. Immutable. */
public record AroundTheClock() implements BusinessCalendar {
    static final AroundTheClock INSTANCE = new AroundTheClock();

    @Override
    public Duration between(Instant from, Instant to) {
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        Checks.notNull("from", from);
        Checks.notNull("amount", amount);
        if (amount.isNegative()) {
            throw new RuleViolationException("business time to add must not be negative: " + amount);
        }
        return from.plus(amount);
    }
}
