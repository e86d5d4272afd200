package org.crmkit.core.servicelevel;

import java.time.Instant;
import java.util.Comparator;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a measured item, by its own timestamp: a start, stop, pause or resume event named by
 * the standard (such as {@code "opened"}, {@code "resolved"}, {@code "waiting-on-customer"}), a defect, or a move
 * of the target ({@link #START_MOVED}, {@link #DUE_MOVED}, which carry the new instant). Immutable.
 *
 * @param type lower-case code of the event
 * @param at when it happened
 * @param movedTo for a move, the new start or due instant; otherwise null
 */
public record ClockEvent(String type, Instant at, @Nullable Instant movedTo) {
    /** Moves the start of the current cycle (the clock counts from the new instant). */
    public static final String START_MOVED = "start-moved";
    /** Moves the due instant of the current cycle (C1: a delayed flight moves when the car must be ready). */
    public static final String DUE_MOVED = "due-moved";

    /** The order events are placed in: by time, then type, then the moved-to instant. */
    static final Comparator<ClockEvent> ORDER = Comparator.comparing(ClockEvent::at)
            .thenComparing(ClockEvent::type)
            .thenComparing(e -> e.movedTo == null ? Instant.MIN : e.movedTo);

    /**
     * Validates the event.
     *
     * @throws RuleViolationException when a move lacks its instant or another event carries one
     */
    public ClockEvent {
        type = Checks.code("event type", type);
        Checks.notNull("at", at);
        boolean move = isMove(type);
        if (move != (movedTo != null)) {
            throw new RuleViolationException("movedTo must be given exactly for " + START_MOVED + " and " + DUE_MOVED
                    + " events: " + type);
        }
    }

    /**
     * An event without a moved instant.
     *
     * @param type the event type
     * @param at when
     * @return the event
     */
    public static ClockEvent of(String type, Instant at) {
        return new ClockEvent(type, at, null);
    }

    /**
     * A move of the due instant.
     *
     * @param at when the move was learned
     * @param newDue the new due instant
     * @return the event
     */
    public static ClockEvent dueMoved(Instant at, Instant newDue) {
        return new ClockEvent(DUE_MOVED, at, newDue);
    }

    /**
     * A move of the start instant.
     *
     * @param at when the move was learned
     * @param newStart the new start instant
     * @return the event
     */
    public static ClockEvent startMoved(Instant at, Instant newStart) {
        return new ClockEvent(START_MOVED, at, newStart);
    }

    static boolean isMove(String type) {
        return START_MOVED.equals(type) || DUE_MOVED.equals(type);
    }
}
