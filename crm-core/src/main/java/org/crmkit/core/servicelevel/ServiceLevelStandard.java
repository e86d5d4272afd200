package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A measurable promise (C3): what is measured (the events that start, stop, pause and resume an item's clock, or
 * the events that mark a defect), the target (a duration that a goal share of items must meet, or a maximum
 * defect rate), the dimension, the calendar the clock runs on, when to warn, the escalation ladder, and what a
 * unit of improvement is worth. A standard is versioned: {@link #revise} makes the next version, effective from
 * a given instant. Immutable and thread-safe.
 *
 * @param id the standard across its versions
 * @param name what people call it, such as {@code "Card replacement"}
 * @param version 1 for the first version
 * @param effectiveFrom items started at or after this instant use this version
 * @param appliesTo which items are measured
 * @param dimension timeliness, accuracy or responsiveness
 * @param startOn event types that start (or restart) an item's clock
 * @param stopOn event types that stop it
 * @param pauseOn event types that pause it (waiting on the customer does not count against us)
 * @param resumeOn event types that resume it
 * @param defectOn event types that mark a defect (accuracy)
 * @param target how long an item may take; null for accuracy
 * @param goal the share of items that must meet the target, in (0, 1]
 * @param maxDefectRate the highest acceptable share of defective items, in [0, 1] (accuracy)
 * @param warnAt the share of the target at which a warning is given, in (0, 1)
 * @param escalation steps at rising elapsed times
 * @param worth what one unit of time saved is worth, if known
 * @param calendar when the clock runs
 * @param cycles whether a restarted item's time adds up or starts over
 */
public record ServiceLevelStandard(StandardId id, String name, int version, Instant effectiveFrom, Selector appliesTo,
                                   Dimension dimension, Set<String> startOn, Set<String> stopOn, Set<String> pauseOn,
                                   Set<String> resumeOn, Set<String> defectOn, @Nullable Duration target,
                                   double goal, double maxDefectRate, double warnAt, List<EscalationStep> escalation,
                                   @Nullable UnitWorth worth, BusinessCalendar calendar, CycleMode cycles) {
    /**
     * Validates the standard.
     *
     * @throws RuleViolationException when a stop event can never happen (none is given, it pauses the clock, or
     *     it also starts the clock outside restart mode), the target is missing or not positive, pauses come without resumes, escalation steps
     *     are not in rising order, or a share is out of range
     */
    public ServiceLevelStandard {
        Checks.notNull("id", id);
        name = Checks.shortText("standard name", name);
        if (version < 1) {
            throw new RuleViolationException("standard version must be at least 1: " + version);
        }
        Checks.notNull("effectiveFrom", effectiveFrom);
        Checks.notNull("appliesTo", appliesTo);
        Checks.notNull("dimension", dimension);
        startOn = codes("startOn", startOn);
        stopOn = codes("stopOn", stopOn);
        pauseOn = codes("pauseOn", pauseOn);
        resumeOn = codes("resumeOn", resumeOn);
        defectOn = codes("defectOn", defectOn);
        escalation = Checks.list("escalation", escalation);
        Checks.notNull("calendar", calendar);
        Checks.notNull("cycles", cycles);
        if (startOn.isEmpty()) {
            throw new RuleViolationException("standard " + id + " needs at least one start event");
        }
        if (dimension == Dimension.ACCURACY) {
            if (defectOn.isEmpty()) {
                throw new RuleViolationException("accuracy standard " + id + " needs at least one defect event");
            }
            if (target != null) {
                throw new RuleViolationException("accuracy standard " + id + " takes a maximum defect rate, not a "
                        + "target duration: " + target);
            }
            Checks.unitInterval("maxDefectRate", maxDefectRate);
        } else {
            if (stopOn.isEmpty()) {
                throw new RuleViolationException("stop event of standard " + id + " can never happen: none is given");
            }
            if (cycles == CycleMode.ACCUMULATE) {
                // In restart mode an event may both stop and start: a periodic update measures the gap between them.
                disjoint(id, "stopOn", stopOn, "startOn", startOn);
            }
            disjoint(id, "stopOn", stopOn, "pauseOn", pauseOn);
            disjoint(id, "pauseOn", pauseOn, "resumeOn", resumeOn);
            if (pauseOn.isEmpty() != resumeOn.isEmpty()) {
                throw new RuleViolationException("standard " + id + " must have pause and resume events together");
            }
            if (target == null || target.isNegative() || target.isZero()) {
                throw new RuleViolationException("target of standard " + id + " must be a positive duration: "
                        + target);
            }
        }
        if (!(goal > 0 && goal <= 1)) {
            throw new RuleViolationException("goal must be a share in (0, 1]: " + goal);
        }
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new RuleViolationException("warnAt must be a share in (0, 1): " + warnAt);
        }
        for (int i = 1; i < escalation.size(); i++) {
            if (escalation.get(i).after().compareTo(escalation.get(i - 1).after()) <= 0) {
                throw new RuleViolationException("escalation steps must come at rising times: "
                        + escalation.get(i - 1).after() + " then " + escalation.get(i).after());
            }
        }
    }

    /** {@return a builder with the defaults: timeliness, goal 1, warn at 80%, around the clock, accumulate} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The next version of this standard.
     *
     * @param effective from when items use the new version
     * @param change the edit
     * @return the new version, numbered one higher
     * @throws RuleViolationException when {@code effective} is not after this version's start, or the edit is
     *     invalid
     */
    public ServiceLevelStandard revise(Instant effective, UnaryOperator<Builder> change) {
        Checks.notNull("effective", effective);
        if (!effective.isAfter(effectiveFrom)) {
            throw new RuleViolationException("a new version of " + id + " must start after " + effectiveFrom + ": "
                    + effective);
        }
        Builder b = change.apply(new Builder(this));
        return b.id(id).version(version + 1).effectiveFrom(effective).build();
    }

    /** {@return this version with another target, as a policy's target for a priority measures it} */
    ServiceLevelStandard withTarget(Duration newTarget) {
        return new Builder(this).target(newTarget).build();
    }

    /** {@return true when the event type starts the clock} */
    boolean starts(String type) {
        return startOn.contains(type);
    }

    private static Set<String> codes(String field, @Nullable Set<String> values) {
        // Sorted, so that a standard always writes the same JSON text.
        Set<String> out = new TreeSet<>();
        for (String v : Checks.list(field, values)) {
            String code = Checks.code(field, v);
            if (ClockEvent.isMove(code)) {
                throw new RuleViolationException(field + " must not use the reserved event " + code);
            }
            out.add(code);
        }
        return Collections.unmodifiableSet(out);
    }

    private static void disjoint(StandardId id, String f1, Set<String> a, String f2, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                throw new RuleViolationException((f1.equals("stopOn") ? "stop event of standard " + id
                        + " can never happen: " : "standard " + id + " uses ") + "'" + x + "' in both " + f1 + " and "
                        + f2);
            }
        }
    }

    /** Builds a {@link ServiceLevelStandard}. Not thread-safe. */
    public static final class Builder {
        private @Nullable StandardId id;
        private @Nullable String name;
        private int version = 1;
        private Instant effectiveFrom = Instant.EPOCH;
        private Selector appliesTo = Selector.ANY;
        private Dimension dimension = Dimension.TIMELINESS;
        private Set<String> startOn = Set.of();
        private Set<String> stopOn = Set.of();
        private Set<String> pauseOn = Set.of();
        private Set<String> resumeOn = Set.of();
        private Set<String> defectOn = Set.of();
        private @Nullable Duration target;
        private double goal = 1.0;
        private double maxDefectRate = 0.0;
        private double warnAt = 0.8;
        private List<EscalationStep> escalation = List.of();
        private @Nullable UnitWorth worth;
        private BusinessCalendar calendar = BusinessCalendar.aroundTheClock();
        private CycleMode cycles = CycleMode.ACCUMULATE;

        private Builder() {
        }

        private Builder(ServiceLevelStandard s) {
            id = s.id;
            name = s.name;
            version = s.version;
            effectiveFrom = s.effectiveFrom;
            appliesTo = s.appliesTo;
            dimension = s.dimension;
            startOn = s.startOn;
            stopOn = s.stopOn;
            pauseOn = s.pauseOn;
            resumeOn = s.resumeOn;
            defectOn = s.defectOn;
            target = s.target;
            goal = s.goal;
            maxDefectRate = s.maxDefectRate;
            warnAt = s.warnAt;
            escalation = s.escalation;
            worth = s.worth;
            calendar = s.calendar;
            cycles = s.cycles;
        }

        /** @param value the id @return this builder */
        public Builder id(StandardId value) {
            id = value;
            return this;
        }

        /** @param value the name @return this builder */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @param value the version @return this builder */
        public Builder version(int value) {
            version = value;
            return this;
        }

        /** @param value from when the version applies @return this builder */
        public Builder effectiveFrom(Instant value) {
            effectiveFrom = value;
            return this;
        }

        /** @param value which items @return this builder */
        public Builder appliesTo(Selector value) {
            appliesTo = value;
            return this;
        }

        /** @param value the dimension @return this builder */
        public Builder dimension(Dimension value) {
            dimension = value;
            return this;
        }

        /** @param value start event types @return this builder */
        public Builder startOn(String... value) {
            startOn = Set.of(value);
            return this;
        }

        /** @param value stop event types @return this builder */
        public Builder stopOn(String... value) {
            stopOn = Set.of(value);
            return this;
        }

        /** @param value pause event types @return this builder */
        public Builder pauseOn(String... value) {
            pauseOn = Set.of(value);
            return this;
        }

        /** @param value resume event types @return this builder */
        public Builder resumeOn(String... value) {
            resumeOn = Set.of(value);
            return this;
        }

        /** @param value defect event types @return this builder */
        public Builder defectOn(String... value) {
            defectOn = Set.of(value);
            return this;
        }

        /** @param value the target duration @return this builder */
        public Builder target(@Nullable Duration value) {
            target = value;
            return this;
        }

        /** @param value the share that must meet the target @return this builder */
        public Builder goal(double value) {
            goal = value;
            return this;
        }

        /** @param value the highest acceptable defect rate @return this builder */
        public Builder maxDefectRate(double value) {
            maxDefectRate = value;
            return this;
        }

        /** @param value the share of the target at which to warn @return this builder */
        public Builder warnAt(double value) {
            warnAt = value;
            return this;
        }

        /** @param value the escalation ladder @return this builder */
        public Builder escalation(List<EscalationStep> value) {
            escalation = value;
            return this;
        }

        /** @param value the worth of a unit of improvement @return this builder */
        public Builder worth(@Nullable UnitWorth value) {
            worth = value;
            return this;
        }

        /** @param value the calendar @return this builder */
        public Builder calendar(BusinessCalendar value) {
            calendar = value;
            return this;
        }

        /** @param value accumulate or restart @return this builder */
        public Builder cycles(CycleMode value) {
            cycles = value;
            return this;
        }

        /**
         * Builds the standard.
         *
         * @return the validated standard
         * @throws RuleViolationException when the definition is invalid
         */
        public ServiceLevelStandard build() {
            return new ServiceLevelStandard(Checks.notNull("id", id), Checks.notNull("name", name), version,
                    effectiveFrom, appliesTo, dimension, startOn, stopOn, pauseOn, resumeOn, defectOn, target, goal,
                    maxDefectRate, warnAt, escalation, worth, calendar, cycles);
        }
    }
}
