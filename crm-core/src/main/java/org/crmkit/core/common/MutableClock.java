package org.crmkit.core.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is moved: for tests, simulations and replays that need time under their
 * control (as Micrometer ships its {@code MockClock}). Thread-safe; clocks made by {@link #withZone} share the
 * instant.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock showing the given instant, in UTC.
     *
     * @param start the instant shown until the clock is moved
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param step how far
     * @return the new instant
     */
    public Instant advance(Duration step) {
        Objects.requireNonNull(step, "step");
        return now.updateAndGet(t -> t.plus(step));
    }

    /**
     * Sets the clock.
     *
     * @param instant the instant to show
     */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
