package org.crmkit.core.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Limits;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.touchpoint.TouchpointId;
import org.jspecify.annotations.Nullable;

/**
 * A complaint, fault or request followed to resolution. A case has a category, a lane and a priority (C4), a
 * status history that only moves along the allowed transitions of {@link CaseStatus}, observations gathered
 * over time (C2c), and, once resolved, a resolution and possibly a root cause. No feedback is dismissed: a case
 * stays open, collecting observations, until the cause is found. Immutable and thread-safe.
 */
public final class ServiceCase {
    private final CaseId id;
    private final CustomerId customerId;
    private final CaseCategory category;
    private final Lane lane;
    private final Priority priority;
    private final String subject;
    private final List<StatusChange> history;
    private final List<Observation> observations;
    private final @Nullable String rootCause;
    private final @Nullable String resolution;
    private final List<TouchpointId> linkedTouchpoints;
    private final long version;

    private ServiceCase(Builder b) {
        id = Checks.notNull("id", b.id);
        customerId = Checks.notNull("customerId", b.customerId);
        category = Checks.notNull("category", b.category);
        lane = Checks.notNull("lane", b.lane);
        priority = Checks.notNull("priority", b.priority);
        subject = Checks.shortText("subject", b.subject);
        history = checkHistory(id, Checks.list("history", b.history, Limits.CASE_HISTORY));
        observations = Checks.list("observations", b.observations, Limits.OBSERVATIONS);
        rootCause = Checks.optionalText("root cause", b.rootCause, Checks.MAX_TEXT);
        resolution = Checks.optionalText("resolution", b.resolution, Checks.MAX_TEXT);
        if (status() == CaseStatus.RESOLVED && resolution == null) {
            throw new RuleViolationException("resolution must be given for resolved case " + id);
        }
        linkedTouchpoints = Checks.list("linkedTouchpoints", b.linkedTouchpoints, Limits.LINKED_TOUCHPOINTS);
        if (new HashSet<>(linkedTouchpoints).size() != linkedTouchpoints.size()) {
            throw new RuleViolationException("linkedTouchpoints must not repeat a touchpoint: " + linkedTouchpoints);
        }
        version = Checks.version(b.version);
    }

    /**
     * Opens a new case.
     *
     * @param id the case id
     * @param customerId the customer
     * @param category what it is about
     * @param lane the work lane
     * @param priority how urgent
     * @param subject a one-line summary
     * @param at when it was opened
     * @param by who opened it, or null
     * @return the open case, version 0
     */
    public static ServiceCase open(CaseId id, CustomerId customerId, CaseCategory category, Lane lane,
                                   Priority priority, String subject, Instant at, @Nullable StaffId by) {
        return builder().id(id).customerId(customerId).category(category).lane(lane).priority(priority)
                .subject(subject).history(List.of(new StatusChange(null, CaseStatus.OPEN, at, by, null))).build();
    }

    /** {@return a builder for a case} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this case's values} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the id} */
    public CaseId id() {
        return id;
    }

    /** {@return the customer} */
    public CustomerId customerId() {
        return customerId;
    }

    /** {@return what it is about} */
    public CaseCategory category() {
        return category;
    }

    /** {@return the work lane (C4)} */
    public Lane lane() {
        return lane;
    }

    /** {@return the priority} */
    public Priority priority() {
        return priority;
    }

    /** {@return the one-line summary} */
    public String subject() {
        return subject;
    }

    /** {@return the current status: the target of the last history entry} */
    public CaseStatus status() {
        return history.get(history.size() - 1).to();
    }

    /** {@return every status change, oldest first; the first entry opened the case} */
    public List<StatusChange> history() {
        return history;
    }

    /** {@return when the case was opened} */
    public Instant openedAt() {
        return history.get(0).at();
    }

    /** {@return the observations, in the order added} */
    public List<Observation> observations() {
        return observations;
    }

    /** {@return the root cause, once found} */
    public Optional<String> rootCause() {
        return Optional.ofNullable(rootCause);
    }

    /** {@return the resolution, once given} */
    public Optional<String> resolution() {
        return Optional.ofNullable(resolution);
    }

    /** {@return the touchpoints linked to the case, in the order linked} */
    public List<TouchpointId> linkedTouchpoints() {
        return linkedTouchpoints;
    }

    /** {@return the stored version this snapshot was read at; 0 before the first save} */
    public long version() {
        return version;
    }

    /**
     * Moves the case to another status.
     *
     * @param to the new status; use {@link #resolve} to resolve
     * @param at when, not before the last change
     * @param by who, or null
     * @param note why, or null
     * @return the new snapshot
     * @throws RuleViolationException when the move is not allowed from the current status, or {@code at} is
     *     before the last change
     */
    public ServiceCase transition(CaseStatus to, Instant at, @Nullable StaffId by, @Nullable String note) {
        Checks.notNull("to", to);
        List<StatusChange> list = new ArrayList<>(history);
        list.add(new StatusChange(status(), to, at, by, note));
        return toBuilder().history(list).build();
    }

    /**
     * Resolves the case.
     *
     * @param resolutionText what was done
     * @param cause the root cause, or null when none was found
     * @param at when
     * @param by who, or null
     * @return the resolved case
     * @throws RuleViolationException when the case cannot be resolved from its current status
     */
    public ServiceCase resolve(String resolutionText, @Nullable String cause, Instant at, @Nullable StaffId by) {
        List<StatusChange> list = new ArrayList<>(history);
        list.add(new StatusChange(status(), CaseStatus.RESOLVED, at, by, null));
        return toBuilder().history(list).resolution(resolutionText).rootCause(cause).build();
    }

    /**
     * Adds an observation.
     *
     * @param observation what was observed
     * @return the new snapshot
     */
    public ServiceCase withObservation(Observation observation) {
        Checks.notNull("observation", observation);
        List<Observation> list = new ArrayList<>(observations);
        list.add(observation);
        return toBuilder().observations(list).build();
    }

    /**
     * Links a touchpoint; linking one already linked changes nothing.
     *
     * @param touchpoint the touchpoint
     * @return the new snapshot, or this one when already linked
     */
    public ServiceCase withLinkedTouchpoint(TouchpointId touchpoint) {
        Checks.notNull("touchpoint", touchpoint);
        if (linkedTouchpoints.contains(touchpoint)) {
            return this;
        }
        List<TouchpointId> list = new ArrayList<>(linkedTouchpoints);
        list.add(touchpoint);
        return toBuilder().linkedTouchpoints(list).build();
    }

    /**
     * A copy that belongs to another customer, used when profiles are merged.
     *
     * @param newOwner the surviving profile
     * @return the new snapshot
     */
    public ServiceCase withCustomerId(CustomerId newOwner) {
        return toBuilder().customerId(newOwner).build();
    }

    /**
     * A copy with the given stored version.
     *
     * @param newVersion the version
     * @return the new snapshot
     */
    public ServiceCase withVersion(long newVersion) {
        return toBuilder().version(newVersion).build();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ServiceCase c && version == c.version && id.equals(c.id)
                && customerId.equals(c.customerId) && category.equals(c.category) && lane == c.lane
                && priority == c.priority && subject.equals(c.subject) && history.equals(c.history)
                && observations.equals(c.observations) && Objects.equals(rootCause, c.rootCause)
                && Objects.equals(resolution, c.resolution) && linkedTouchpoints.equals(c.linkedTouchpoints);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, customerId, history);
    }

    @Override
    public String toString() {
        return "ServiceCase[" + id + ", " + category + ", " + lane + "/" + priority + ", " + status() + ", v"
                + version + "]";
    }

    private static List<StatusChange> checkHistory(CaseId id, List<StatusChange> history) {
        if (history.isEmpty()) {
            throw new RuleViolationException("history must not be empty for case " + id);
        }
        StatusChange first = history.get(0);
        if (first.from() != null || first.to() != CaseStatus.OPEN) {
            throw new RuleViolationException("history must start by opening case " + id + ": " + first.to());
        }
        for (int i = 1; i < history.size(); i++) {
            StatusChange prev = history.get(i - 1);
            StatusChange next = history.get(i);
            if (next.from() != prev.to() || !prev.to().canMoveTo(next.to())) {
                throw new RuleViolationException("case " + id + " cannot move from "
                        + (next.from() == prev.to() ? prev.to() : prev.to() + " (recorded as " + next.from() + ")")
                        + " to " + next.to() + "; allowed: " + prev.to().next());
            }
            if (next.at().isBefore(prev.at())) {
                throw new RuleViolationException("case " + id + " status change must not be before the previous one: "
                        + next.at() + " < " + prev.at());
            }
        }
        return history;
    }

    /** Builds a {@link ServiceCase}; prefer {@link ServiceCase#open}. Not thread-safe. */
    public static final class Builder {
        private @Nullable CaseId id;
        private @Nullable CustomerId customerId;
        private @Nullable CaseCategory category;
        private Lane lane = Lane.RED;
        private Priority priority = Priority.NORMAL;
        private @Nullable String subject;
        private List<StatusChange> history = List.of();
        private List<Observation> observations = List.of();
        private @Nullable String rootCause;
        private @Nullable String resolution;
        private List<TouchpointId> linkedTouchpoints = List.of();
        private long version;

        private Builder() {
        }

        private Builder(ServiceCase c) {
            id = c.id;
            customerId = c.customerId;
            category = c.category;
            lane = c.lane;
            priority = c.priority;
            subject = c.subject;
            history = c.history;
            observations = c.observations;
            rootCause = c.rootCause;
            resolution = c.resolution;
            linkedTouchpoints = c.linkedTouchpoints;
            version = c.version;
        }

        /** @param value the id @return this builder */
        public Builder id(CaseId value) {
            id = value;
            return this;
        }

        /** @param value the customer @return this builder */
        public Builder customerId(CustomerId value) {
            customerId = value;
            return this;
        }

        /** @param value the category @return this builder */
        public Builder category(CaseCategory value) {
            category = value;
            return this;
        }

        /** @param value the lane @return this builder */
        public Builder lane(Lane value) {
            lane = value;
            return this;
        }

        /** @param value the priority @return this builder */
        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        /** @param value the summary @return this builder */
        public Builder subject(String value) {
            subject = value;
            return this;
        }

        /** @param value the status history, opening entry first @return this builder */
        public Builder history(List<StatusChange> value) {
            history = value;
            return this;
        }

        /** @param value the observations @return this builder */
        public Builder observations(List<Observation> value) {
            observations = value;
            return this;
        }

        /** @param value the root cause, or null @return this builder */
        public Builder rootCause(@Nullable String value) {
            rootCause = value;
            return this;
        }

        /** @param value the resolution, or null @return this builder */
        public Builder resolution(@Nullable String value) {
            resolution = value;
            return this;
        }

        /** @param value the linked touchpoints @return this builder */
        public Builder linkedTouchpoints(List<TouchpointId> value) {
            linkedTouchpoints = value;
            return this;
        }

        /** @param value the stored version @return this builder */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /**
         * Builds the case.
         *
         * @return the validated, immutable case
         * @throws NullPointerException when a required value is missing, naming it
         * @throws RuleViolationException when the history breaks the status machine or a value breaks a rule
         */
        public ServiceCase build() {
            return new ServiceCase(this);
        }
    }
}
