package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;


/** The calendar that counts every moment: business time equals wall time. Immutable. */
public record AroundTheClock() implements BusinessCalendar {
    static final AroundTheClock INSTANCE = new AroundTheClock();

    @Override
    public Duration between(Instant from, Instant to) {
        CalendarArguments.checkBetween(from, to);
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        CalendarArguments.checkPlus(from, amount);
        return from.plus(amount);
    }
}
