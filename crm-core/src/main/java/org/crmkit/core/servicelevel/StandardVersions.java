package org.crmkit.core.servicelevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * Every version of one standard. An item is read against the version in effect when its clock first started,
 * unless the host asks for a recalculation against the latest version; both are deterministic from the item's
 * history. Immutable.
 *
 * @param versions the versions, version 1 first, each effective after the one before
 */
public record StandardVersions(List<ServiceLevelStandard> versions) {
    /**
     * Validates the history.
     *
     * @throws RuleViolationException when the versions are not one standard numbered 1, 2, 3... with rising
     *     effective instants
     */
    public StandardVersions {
        versions = Checks.list("versions", versions);
        if (versions.isEmpty()) {
            throw new RuleViolationException("standard versions must not be empty");
        }
        for (int i = 0; i < versions.size(); i++) {
            ServiceLevelStandard v = versions.get(i);
            if (v.version() != i + 1 || !v.id().equals(versions.get(0).id())) {
                throw new RuleViolationException("standard versions must be " + versions.get(0).id()
                        + " numbered from 1: " + v.id() + " v" + v.version() + " at position " + (i + 1));
            }
            if (i > 0 && !v.effectiveFrom().isAfter(versions.get(i - 1).effectiveFrom())) {
                throw new RuleViolationException("standard version " + v.version() + " must start after version "
                        + (i) + ": " + v.effectiveFrom());
            }
        }
    }

    /**
     * Starts a history.
     *
     * @param first version 1
     * @return the history
     */
    public static StandardVersions of(ServiceLevelStandard first) {
        return new StandardVersions(List.of(first));
    }

    /**
     * Adds the next version, as made by {@link ServiceLevelStandard#revise}.
     *
     * @param next the next version
     * @return the longer history
     */
    public StandardVersions with(ServiceLevelStandard next) {
        List<ServiceLevelStandard> list = new ArrayList<>(versions);
        list.add(next);
        return new StandardVersions(list);
    }

    /** {@return the newest version} */
    public ServiceLevelStandard latest() {
        return versions.get(versions.size() - 1);
    }

    /**
     * The version in effect at an instant; the first version for instants before it.
     *
     * @param at the instant
     * @return the version
     */
    public ServiceLevelStandard at(Instant at) {
        Checks.notNull("at", at);
        ServiceLevelStandard found = versions.get(0);
        for (ServiceLevelStandard v : versions) {
            if (!v.effectiveFrom().isAfter(at)) {
                found = v;
            }
        }
        return found;
    }

    /**
     * Reads an item against the version in effect when its clock first started.
     *
     * @param events the item's events
     * @param now the instant of the reading
     * @return the reading
     */
    public ClockReading read(Collection<ClockEvent> events, Instant now) {
        return read(events, now, UnaryOperator.identity());
    }

    /** Reads against the version in effect at the start, as {@code measured} adjusts it (a policy's target). */
    ClockReading read(Collection<ClockEvent> events, Instant now, UnaryOperator<ServiceLevelStandard> measured) {
        ClockReading first = ServiceLevelClock.read(measured.apply(latest()), events, now);
        Instant started = first.startedAt();
        ServiceLevelStandard version = started == null ? latest() : at(started);
        return version == latest() ? first : ServiceLevelClock.read(measured.apply(version), events, now);
    }

    /**
     * Reads an item against the latest version, whatever version it started under.
     *
     * @param events the item's events
     * @param now the instant of the reading
     * @return the reading
     */
    public ClockReading recalculate(Collection<ClockEvent> events, Instant now) {
        return ServiceLevelClock.read(latest(), events, now);
    }
}
