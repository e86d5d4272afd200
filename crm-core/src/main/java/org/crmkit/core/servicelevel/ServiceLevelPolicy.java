package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.jspecify.annotations.Nullable;

/**
 * A service-level policy as support desks know them: a condition on the item (and its customer's segments) and the
 * metrics measured while it holds, each a standard with its versions and, for cases, a target per priority or lane. Policies
 * are kept in order and the first whose condition holds applies; when a case's priority changes, the next check
 * selects again and the targets change, measured over the same history. Immutable.
 *
 * @param name the policy's name, unique among the policies of one {@link ServiceLevels}
 * @param when the items it applies to
 * @param metrics what is measured, at least one; standards distinct
 */
public record ServiceLevelPolicy(String name, Selector when, List<Metric> metrics) {
    /** Validates the policy. */
    public ServiceLevelPolicy {
        name = Checks.shortText("policy name", name);
        Checks.notNull("when", when);
        metrics = Checks.list("metrics", metrics);
        if (metrics.isEmpty()) {
            throw new RuleViolationException("policy " + name + " must measure at least one metric");
        }
        for (int i = 0; i < metrics.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (metrics.get(i).id().equals(metrics.get(j).id())) {
                    throw new RuleViolationException("policy " + name + " measures standard " + metrics.get(i).id()
                            + " twice");
                }
            }
        }
    }

    /**
     * A policy.
     *
     * @param name the name
     * @param when the items it applies to
     * @param metrics what is measured
     * @return the policy
     */
    public static ServiceLevelPolicy of(String name, Selector when, Metric... metrics) {
        return new ServiceLevelPolicy(name, when, List.of(metrics));
    }

    /**
     * One metric of a policy: a standard with its versions, and targets that replace the standard's own for cases of
     * some priorities or lanes; a priority's target wins over a lane's. Immutable.
     *
     * @param standard the standard's versions
     * @param targets the target for cases of each priority named
     * @param laneTargets the target for cases in each lane named
     */
    public record Metric(StandardVersions standard, Map<Priority, Duration> targets, Map<Lane, Duration> laneTargets) {
        /** Validates the targets. */
        public Metric {
            Checks.notNull("standard", standard);
            targets = Collections.unmodifiableMap(targets(standard, "priority", targets, new EnumMap<>(Priority.class)));
            laneTargets = Collections.unmodifiableMap(targets(standard, "lane", laneTargets, new EnumMap<>(Lane.class)));
        }

        private static <K> Map<K, Duration> targets(StandardVersions standard, String per, Map<K, Duration> given,
                                                    Map<K, Duration> copy) {
            Checks.notNull(per + " targets", given).forEach((k, d) -> {
                Checks.notNull(per, k);
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new RuleViolationException("target for " + per + " " + k + " of standard "
                            + standard.latest().id() + " must be a positive duration: " + d);
                }
                if (standard.latest().dimension() == Dimension.ACCURACY) {
                    throw new RuleViolationException("accuracy standard " + standard.latest().id()
                            + " takes no target per " + per);
                }
                copy.put(k, d);
            });
            return copy;
        }

        /**
         * A metric with the standard's own target.
         *
         * @param standard the standard's versions
         * @return the metric
         */
        public static Metric of(StandardVersions standard) {
            return new Metric(standard, Map.of(), Map.of());
        }

        /**
         * A metric of a standard that has one version.
         *
         * @param standard the standard
         * @return the metric
         */
        public static Metric of(ServiceLevelStandard standard) {
            return of(StandardVersions.of(standard));
        }

        /**
         * A copy with a target for cases of one priority.
         *
         * @param priority the priority
         * @param target its target
         * @return the copy
         */
        public Metric target(Priority priority, Duration target) {
            Map<Priority, Duration> more = new EnumMap<>(Priority.class);
            more.putAll(targets);
            more.put(priority, target);
            return new Metric(standard, more, laneTargets);
        }

        /**
         * A copy with a target for cases in one lane.
         *
         * @param lane the lane
         * @param target its target
         * @return the copy
         */
        public Metric target(Lane lane, Duration target) {
            Map<Lane, Duration> more = new EnumMap<>(Lane.class);
            more.putAll(laneTargets);
            more.put(lane, target);
            return new Metric(standard, targets, more);
        }

        /** {@return the standard's id} */
        public StandardId id() {
            return standard.latest().id();
        }

        /**
         * The version to read an item against, with the target for its priority.
         *
         * @param version the version in effect for the item
         * @param priority the case's priority, or null for touchpoints
         * @param lane the case's lane, or null for touchpoints
         * @return the standard as measured
         */
        ServiceLevelStandard applied(ServiceLevelStandard version, @Nullable Priority priority, @Nullable Lane lane) {
            Duration target = priority == null ? null : targets.get(priority);
            if (target == null && lane != null) {
                target = laneTargets.get(lane);
            }
            return target == null ? version : version.withTarget(target);
        }
    }
}
