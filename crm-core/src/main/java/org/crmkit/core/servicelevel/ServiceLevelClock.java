package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Reads an item's service-level clock from its event history. Events are placed by their own timestamps, whatever
 * order they arrive in; identical events count once; events after the reading instant are ignored, so a reading
 * is deterministic from the history and the instant. Only the transitions the state allows take effect: a second
 * start while running, a resume while running or a pause while paused change nothing. Stateless and
 * thread-safe.
 */
public final class ServiceLevelClock {
    private ServiceLevelClock() {
    }

    /**
     * Reads the clock.
     *
     * @param standard the standard, in the version that applies to the item
     * @param events the item's events, in any order
     * @param now the instant of the reading, usually from the host's {@link java.time.Clock}
     * @return the reading
     */
    public static ClockReading read(ServiceLevelStandard standard, Collection<ClockEvent> events, Instant now) {
        Checks.notNull("standard", standard);
        Checks.notNull("events", events);
        Checks.notNull("now", now);
        // Place events by their own time; identical events compare equal and count once.
        ClockEvent[] sorted = new ClockEvent[events.size()];
        int n = 0;
        for (ClockEvent e : events) {
            if (!Checks.notNull("event", e).at().isAfter(now)) {
                sorted[n++] = e;
            }
        }
        Arrays.sort(sorted, 0, n, ClockEvent.ORDER);
        List<ClockEvent> history = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i == 0 || ClockEvent.ORDER.compare(sorted[i - 1], sorted[i]) != 0) {
                history.add(sorted[i]);
            }
        }
        return standard.dimension() == Dimension.ACCURACY ? accuracy(standard, history)
                : new Run(standard, now).replay(history);
    }

    private static ClockReading accuracy(ServiceLevelStandard s, Collection<ClockEvent> history) {
        Instant handled = null;
        boolean defect = false;
        for (ClockEvent e : history) {
            if (handled == null && s.starts(e.type())) {
                handled = e.at();
            }
            defect |= s.defectOn().contains(e.type());
        }
        ClockState state = handled == null ? ClockState.NOT_STARTED : defect ? ClockState.BREACHED : ClockState.MET;
        return new ClockReading(s.id(), s.version(), state, handled != null, handled, null, Duration.ZERO, null,
                Duration.ZERO, null, null, null, List.of(), handled == null ? 0 : 1, List.of(), defect, Map.of());
    }

    /** The replay of one item's history. */
    private static final class Run {
        private enum Phase { NOT_STARTED, RUNNING, PAUSED, STOPPED }

        private final ServiceLevelStandard std;
        private final BusinessCalendar cal;
        private final Instant now;
        /** Run segments of the current accounting: starts and ends; the last end is null while running. */
        private final List<Instant> starts = new ArrayList<>();
        private final List<@Nullable Instant> ends = new ArrayList<>();
        private final Map<EscalationStep, Instant> fired = new LinkedHashMap<>();
        private final List<ClockEvent> moves = new ArrayList<>();
        private final Map<Integer, Instant> earlierBreaches = new LinkedHashMap<>();
        private Phase phase = Phase.NOT_STARTED;
        private @Nullable Instant startedAt;
        private @Nullable Instant cycleStart;
        private @Nullable Instant stoppedAt;
        private @Nullable Instant due;
        private int cycles;

        Run(ServiceLevelStandard std, Instant now) {
            this.std = std;
            this.cal = std.calendar();
            this.now = now;
        }

        ClockReading replay(Collection<ClockEvent> history) {
            for (ClockEvent e : history) {
                apply(e);
            }
            Duration target = target();
            Duration[] lengths = lengths();
            Duration elapsed = Duration.ZERO;
            for (Duration d : lengths) {
                elapsed = elapsed.plus(d);
            }
            recordSteps(lengths);
            boolean over = elapsed.compareTo(target) > 0;
            Instant breachedAt = over ? crossing(target, false, lengths) : null;
            Instant warnedAt = crossing(scaled(target, std.warnAt()), true, lengths);
            ClockState state = switch (phase) {
                case NOT_STARTED -> ClockState.NOT_STARTED;
                case RUNNING -> over ? ClockState.BREACHED : ClockState.RUNNING;
                case PAUSED -> over ? ClockState.BREACHED : ClockState.PAUSED;
                case STOPPED -> over ? ClockState.BREACHED : ClockState.MET;
            };
            Instant dueAt = due != null ? due : phase == Phase.RUNNING || over ? projected(target, lengths) : null;
            Duration remaining = over ? Duration.ZERO : target.minus(elapsed);
            List<FiredStep> steps = new ArrayList<>(fired.size());
            fired.forEach((step, at) -> steps.add(new FiredStep(step, at)));
            return new ClockReading(std.id(), std.version(), state, phase == Phase.STOPPED, startedAt,
                    phase == Phase.STOPPED ? stoppedAt : null, elapsed, target, remaining, dueAt, warnedAt,
                    breachedAt, steps, cycles, moves, false, earlierBreaches);
        }

        private void apply(ClockEvent e) {
            String type = e.type();
            Instant at = e.at();
            if (std.starts(type) && std.stopOn().contains(type) && phase != Phase.NOT_STARTED) {
                // A periodic update: the event that ends one cycle starts the next.
                stop(at);
            }
            if (std.starts(type)) {
                if (phase == Phase.NOT_STARTED || phase == Phase.STOPPED) {
                    if (phase == Phase.STOPPED && std.cycles() == CycleMode.RESTART) {
                        Duration[] lengths = lengths();
                        recordSteps(lengths);
                        Instant breach = crossing(target(), false, lengths);
                        if (breach != null) {
                            earlierBreaches.put(cycles, breach);
                        }
                        starts.clear();
                        ends.clear();
                        due = null;
                    }
                    cycles++;
                    if (startedAt == null) {
                        startedAt = at;
                    }
                    if (cycleStart == null || std.cycles() == CycleMode.RESTART) {
                        cycleStart = at;
                    }
                    open(at);
                }
            } else if (std.stopOn().contains(type)) {
                stop(at);
            } else if (std.pauseOn().contains(type)) {
                if (phase == Phase.RUNNING) {
                    close(at);
                    phase = Phase.PAUSED;
                }
            } else if (std.resumeOn().contains(type)) {
                if (phase == Phase.PAUSED) {
                    open(at);
                }
            } else if (ClockEvent.START_MOVED.equals(type)) {
                moves.add(e);
                moveStart(e.movedTo());
            } else if (ClockEvent.DUE_MOVED.equals(type)) {
                moves.add(e);
                due = e.movedTo();
            }
        }

        private void stop(Instant at) {
            if (phase == Phase.RUNNING) {
                close(at);
            }
            if (phase == Phase.RUNNING || phase == Phase.PAUSED) {
                phase = Phase.STOPPED;
                stoppedAt = at;
            }
        }

        private void open(Instant at) {
            starts.add(at);
            ends.add(null);
            phase = Phase.RUNNING;
        }

        private void close(Instant at) {
            ends.set(ends.size() - 1, at);
        }

        private Instant end(int i) {
            Instant e = ends.get(i);
            return e == null ? now : e;
        }

        private void moveStart(@Nullable Instant newStart) {
            if (newStart == null || phase == Phase.NOT_STARTED) {
                return;
            }
            if (startedAt != null && (cycles == 1 || std.cycles() == CycleMode.ACCUMULATE)) {
                startedAt = newStart;
            }
            cycleStart = newStart;
            while (!starts.isEmpty() && ends.get(0) != null && !ends.get(0).isAfter(newStart)) {
                starts.remove(0);
                ends.remove(0);
            }
            if (!starts.isEmpty()) {
                starts.set(0, newStart);
            }
        }

        private Duration target() {
            Duration t = std.target();
            if (due != null && cycleStart != null) {
                return cal.between(cycleStart, due);
            }
            return t == null ? Duration.ZERO : t;
        }

        private static Duration scaled(Duration d, double share) {
            return Duration.ofNanos(Math.round(d.toNanos() * share));
        }

        /** The business time of each run segment of the current accounting, open ones up to now. */
        private Duration[] lengths() {
            Duration[] out = new Duration[starts.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cal.between(starts.get(i), end(i));
            }
            return out;
        }

        /** Records each escalation step the current accounting reached, keeping the first time of each. */
        private void recordSteps(Duration[] lengths) {
            for (EscalationStep step : std.escalation()) {
                if (!fired.containsKey(step)) {
                    Instant at = crossing(step.after(), true, lengths);
                    if (at != null) {
                        fired.put(step, at);
                    }
                }
            }
        }

        /**
         * When elapsed time reached {@code threshold} (reaching it counts when {@code inclusive}, otherwise it must
         * be passed), up to now; null if it has not.
         */
        private @Nullable Instant crossing(Duration threshold, boolean inclusive, Duration[] lengths) {
            Duration before = Duration.ZERO;
            for (int i = 0; i < lengths.length; i++) {
                Duration after = before.plus(lengths[i]);
                int cmp = after.compareTo(threshold);
                if (before.compareTo(threshold) < 0 && (inclusive ? cmp >= 0 : cmp > 0)) {
                    return cal.plus(starts.get(i), threshold.minus(before));
                }
                before = after;
            }
            return null;
        }

        /** When the target is reached if the clock keeps running; the actual instant if already reached. */
        private @Nullable Instant projected(Duration target, Duration[] lengths) {
            Instant reached = crossing(target, true, lengths);
            if (reached != null || phase != Phase.RUNNING) {
                return reached;
            }
            Duration before = Duration.ZERO;
            for (int i = 0; i < lengths.length - 1; i++) {
                before = before.plus(lengths[i]);
            }
            return cal.plus(starts.get(starts.size() - 1), target.minus(before));
        }
    }
}
