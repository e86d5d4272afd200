package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * An item's service-level clock read at one instant, from its event history. Immutable.
 *
 * @param standardId the standard
 * @param version the version of the standard read against
 * @param state running, paused, met, breached, or not started
 * @param finished true once a stop event ended the latest cycle (accuracy: once handled)
 * @param startedAt the first start event, or the start it was moved to; null before the start
 * @param stoppedAt the stop event that finished the latest cycle; null while open
 * @param elapsed business time counted against the target
 * @param target the target in force, after any move of the due instant; null for accuracy
 * @param remaining business time left before the target; zero once reached
 * @param dueAt when the target is (or was) reached: projected while running, null while paused before it
 * @param warnedAt when the warning threshold was crossed, if it was
 * @param breachedAt when the target was passed, if it was
 * @param firedSteps escalation steps reached, each once, in order
 * @param cycles how many times the item started
 * @param moves the moves of start or due instant, in the order applied
 * @param defect for accuracy, whether a defect was recorded
 * @param earlierBreaches in restart mode, by cycle number (1 for the first), when each earlier cycle that breached
 *     passed its target: an earlier cycle's breach stays visible after the item starts again
 */
public record ClockReading(StandardId standardId, int version, ClockState state, boolean finished,
                           @Nullable Instant startedAt, @Nullable Instant stoppedAt, Duration elapsed,
                           @Nullable Duration target, Duration remaining, @Nullable Instant dueAt,
                           @Nullable Instant warnedAt, @Nullable Instant breachedAt, List<FiredStep> firedSteps,
                           int cycles, List<ClockEvent> moves, boolean defect,
                           Map<Integer, Instant> earlierBreaches) {
    /** Checks for nulls and copies the lists. */
    public ClockReading {
        Checks.notNull("standardId", standardId);
        Checks.notNull("state", state);
        Checks.notNull("elapsed", elapsed);
        Checks.notNull("remaining", remaining);
        firedSteps = Checks.list("firedSteps", firedSteps);
        moves = Checks.list("moves", moves);
        earlierBreaches = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.notNull("earlierBreaches",
                earlierBreaches)));
    }

    /** {@return true when the item met the standard or is still within it, in every cycle} */
    public boolean withinStandard() {
        return state != ClockState.BREACHED && earlierBreaches.isEmpty();
    }
}
