package org.crmkit.core.servicelevel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * How items measured against one standard did over a period (C3, C6). Items are those whose clock started in
 * the period. Durations are of finished items. Defects are breached items (accuracy: items with a defect), one
 * opportunity per item. Immutable.
 *
 * @param standardId the standard
 * @param period the half-open period of item starts
 * @param items items started in the period
 * @param met items finished within the target (accuracy: without defect)
 * @param breached items past the target, finished or not (accuracy: with a defect)
 * @param open items still running or paused within the target
 * @param compliance met over met plus breached; 1 when none is decided
 * @param goalMet whether compliance reached the standard's goal (accuracy: the defect rate stayed at or under the
 *     maximum)
 * @param p50 median duration of finished items; null when none finished
 * @param p90 90th percentile, nearest rank
 * @param p95 95th percentile, nearest rank
 * @param max the longest
 * @param dpmo defects per million opportunities
 * @param sigmaLevel the process sigma level, with the customary 1.5 sigma shift
 */
public record ServiceLevelReport(StandardId standardId, TimeWindow period, long items, long met, long breached,
                                 long open, double compliance, boolean goalMet, @Nullable Duration p50,
                                 @Nullable Duration p90, @Nullable Duration p95, @Nullable Duration max, double dpmo,
                                 double sigmaLevel) {
    /** Checks the counts. */
    public ServiceLevelReport {
        Checks.notNull("standardId", standardId);
        Checks.notNull("period", period);
        if (items < 0 || met < 0 || breached < 0 || open < 0 || met + breached + open > items) {
            throw new RuleViolationException("report counts must be non-negative and add up to at most the items: "
                    + items + " items, " + met + " met, " + breached + " breached, " + open + " open");
        }
    }

    /**
     * Reports on readings.
     *
     * @param standard the standard the readings were taken against
     * @param period the period of item starts to report on
     * @param readings readings of items, in any order; those that did not start in the period are left out
     * @return the report
     */
    public static ServiceLevelReport of(ServiceLevelStandard standard, TimeWindow period,
                                        Collection<ClockReading> readings) {
        Checks.notNull("standard", standard);
        Checks.notNull("period", period);
        Checks.notNull("readings", readings);
        long items = 0;
        long met = 0;
        long breached = 0;
        long open = 0;
        List<Duration> durations = new ArrayList<>();
        for (ClockReading r : readings) {
            if (r.startedAt() == null || !period.contains(r.startedAt())) {
                continue;
            }
            items++;
            switch (r.state()) {
                case MET -> met++;
                case BREACHED -> breached++;
                case RUNNING, PAUSED -> open++;
                default -> { }
            }
            if (r.finished() && standard.dimension() != Dimension.ACCURACY) {
                durations.add(r.elapsed());
            }
        }
        durations.sort(null);
        double compliance = met + breached == 0 ? 1.0 : (double) met / (met + breached);
        double defectRate = items == 0 ? 0.0 : (double) breached / items;
        boolean goalMet = standard.dimension() == Dimension.ACCURACY ? defectRate <= standard.maxDefectRate()
                : compliance >= standard.goal();
        double dpmo = defectRate * 1_000_000;
        return new ServiceLevelReport(standard.id(), period, items, met, breached, open, compliance, goalMet,
                percentile(durations, 50), percentile(durations, 90), percentile(durations, 95),
                durations.isEmpty() ? null : durations.get(durations.size() - 1), dpmo, Sigma.level(dpmo));
    }

    /** {@return the share of items without a defect: met over met plus breached} */
    public double firstPassYield() {
        return compliance;
    }

    /**
     * The rolled throughput yield of a journey whose steps each have a report (C6): the chance that an item passes
     * every step without a defect, the product of the steps' first-pass yields.
     *
     * @param steps one report per step of the journey
     * @return the yield, in [0, 1]
     */
    public static double rolledThroughputYield(List<ServiceLevelReport> steps) {
        Checks.list("steps", steps);
        double y = 1.0;
        for (ServiceLevelReport r : steps) {
            y *= r.firstPassYield();
        }
        return y;
    }

    /** Nearest-rank percentile of sorted durations; null when empty. */
    static @Nullable Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
