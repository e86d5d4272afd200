package org.crmkit.core.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;

/**
 * A half-open span of time {@code [from, until)}. Immutable.
 *
 * @param from the first instant inside the window
 * @param until the first instant after the window
 */
public record TimeWindow(Instant from, Instant until) {
    /** Everything from the epoch's far past to its far future. */
    public static final TimeWindow ALL = new TimeWindow(Instant.MIN, Instant.MAX);

    /**
     * Validates the window.
     *
     * @throws RuleViolationException when {@code until} is before {@code from}
     */
    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (until.isBefore(from)) {
            throw new RuleViolationException("time window until must not be before from: " + from + " > " + until);
        }
    }

    /**
     * Creates the window {@code [from, until)}.
     *
     * @param from first instant inside
     * @param until first instant after
     * @return the window
     */
    public static TimeWindow between(Instant from, Instant until) {
        return new TimeWindow(from, until);
    }

    /**
     * Creates the window of the given length that ends just before {@code until}.
     *
     * @param length how long the window is
     * @param until first instant after the window
     * @return the window
     */
    public static TimeWindow lastBefore(Duration length, Instant until) {
        return new TimeWindow(until.minus(length), until);
    }

    /**
     * Tells whether an instant lies inside the window.
     *
     * @param instant the instant
     * @return true when {@code from <= instant < until}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }
}
