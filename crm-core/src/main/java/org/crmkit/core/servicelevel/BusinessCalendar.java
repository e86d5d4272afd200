package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;

/**
 * When a service-level clock runs: {@linkplain AroundTheClock around the clock}, or only during
 * {@linkplain BusinessHours business hours} in a time zone, with holidays. Immutable and thread-safe.
 */
public sealed interface BusinessCalendar permits AroundTheClock, BusinessHours {

    /**
     * The business time between two instants.
     *
     * @param from the start
     * @param to the end
     * @return the business time inside {@code [from, to)}; zero when {@code to} is not after {@code from}
     */
    Duration between(Instant from, Instant to);

    /**
     * The instant at which a given amount of business time has passed since a start.
     *
     * @param from the start
     * @param amount business time to add, not negative
     * @return the earliest instant {@code t} with {@code between(from, t)} equal to {@code amount}
     */
    Instant plus(Instant from, Duration amount);

    /** {@return the calendar that counts every moment} */
    static BusinessCalendar aroundTheClock() {
        return AroundTheClock.INSTANCE;
    }
}
