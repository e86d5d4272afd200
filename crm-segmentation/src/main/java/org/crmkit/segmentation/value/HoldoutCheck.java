package org.crmkit.segmentation.value;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.ArrayList;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.RuleViolationException;

/**
 * Checks a fitted purchase model against what customers really did after the calibration cut-off: customers are
 * grouped by their calibration repeat purchases (0, 1, ..., and "at least the last group"), and each group's mean
 * predicted purchases in the holdout period are set beside the mean actually made, as data a host can chart.
 */
public final class HoldoutCheck {
    private HoldoutCheck() {
    }

    /**
     * One frequency group of the check. Immutable.
     *
     * @param repeatPurchases the calibration repeat purchases of the group (the last group holds this many or more)
     * @param customers how many customers
     * @param actual mean purchase days in the holdout
     * @param predicted mean expected purchases in the holdout
     */
    public record Group(int repeatPurchases, int customers, double actual, double predicted) {
    }

    /**
     * Counts each customer's purchase days after the cut-off, up to and including the end of the holdout.
     *
     * @param transactions every purchase
     * @param cutoff the last day of calibration
     * @param holdoutEnd the last day of the holdout
     * @return purchase days per customer id; customers without any are absent
     */
    public static Map<CustomerId, Integer> holdoutPurchases(Collection<Transaction> transactions, LocalDate cutoff,
                                                        LocalDate holdoutEnd) {
        Map<CustomerId, Set<LocalDate>> days = new HashMap<>();
        for (Transaction t : transactions) {
            if (t.date().isAfter(cutoff) && !t.date().isAfter(holdoutEnd)) {
                days.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.date());
            }
        }
        Map<CustomerId, Integer> counts = new HashMap<>();
        days.forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    /**
     * Compares predicted and actual holdout purchases by calibration frequency.
     *
     * @param model the fitted model
     * @param calibration the calibration summaries
     * @param holdout purchase days per customer in the holdout
     * @param holdoutLength the holdout's length in the summaries' unit
     * @param lastGroup the frequency from which customers are grouped together, such as 7
     * @return one group per frequency 0..lastGroup, empty groups left out
     */
    public static List<Group> byFrequency(PurchaseModel model, List<RepeatSummary> calibration,
                                          Map<CustomerId, Integer> holdout, double holdoutLength, int lastGroup) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(holdout, "holdout");
        if (!(holdoutLength > 0) || lastGroup < 0) {
            throw new RuleViolationException("holdout length must be positive and the last group not negative: "
                    + holdoutLength + ", " + lastGroup);
        }
        int[] customers = new int[lastGroup + 1];
        double[] actual = new double[lastGroup + 1];
        double[] predicted = new double[lastGroup + 1];
        for (RepeatSummary s : calibration) {
            int g = Math.min(s.x(), lastGroup);
            customers[g]++;
            actual[g] += holdout.getOrDefault(s.customerId(), 0);
            predicted[g] += model.expectedPurchases(holdoutLength, s.x(), s.tx(), s.age());
        }
        List<Group> out = new ArrayList<>();
        for (int g = 0; g <= lastGroup; g++) {
            if (customers[g] > 0) {
                out.add(new Group(g, customers[g], actual[g] / customers[g], predicted[g] / customers[g]));
            }
        }
        return List.copyOf(out);
    }

    /**
     * One point of a tracking series: cumulative repeat purchases of a cohort up to a time, actual and expected.
     * Immutable.
     *
     * @param period the end of the period, counted in units from the cohort's start
     * @param actual cumulative repeat purchase days made by then
     * @param expected cumulative repeat purchases the model expects by then
     */
    public record TrackingPoint(int period, double actual, double expected) {
    }

    /**
     * The cumulative repeat purchases of a cohort, period by period through calibration and holdout, actual beside
     * expected, for the classic tracking chart. Each customer's expectation runs from their first purchase, with
     * the model's expected purchases of a new customer.
     *
     * @param model the fitted model
     * @param transactions every purchase of the cohort
     * @param cohortStart the first day of the cohort's first purchases
     * @param unit the length of one period in days, such as 7
     * @param periods how many periods to chart
     * @return one point per period, 1..periods
     */
    public static List<TrackingPoint> tracking(PurchaseModel model, Collection<Transaction> transactions,
                                               LocalDate cohortStart, int unit, int periods) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(cohortStart, "cohortStart");
        if (unit < 1 || periods < 1) {
            throw new RuleViolationException("unit and periods must be positive: " + unit + ", " + periods);
        }
        Map<CustomerId, java.util.TreeSet<LocalDate>> days = new HashMap<>();
        for (Transaction t : transactions) {
            days.computeIfAbsent(t.customerId(), k -> new java.util.TreeSet<>()).add(t.date());
        }
        double[] actual = new double[periods + 1];
        double[] expected = new double[periods + 1];
        for (java.util.TreeSet<LocalDate> purchaseDays : days.values()) {
            LocalDate first = purchaseDays.first();
            double born = java.time.temporal.ChronoUnit.DAYS.between(cohortStart, first) / (double) unit;
            for (LocalDate d : purchaseDays.tailSet(first, false)) {
                long since = java.time.temporal.ChronoUnit.DAYS.between(cohortStart, d);
                int period = (int) Math.ceil((since + 1) / (double) unit);
                if (period <= periods) {
                    actual[period]++;
                }
            }
            for (int p = 1; p <= periods; p++) {
                expected[p] += model.expectedPurchases(Math.max(0, p - born));
            }
        }
        List<TrackingPoint> out = new ArrayList<>(periods);
        double cumulative = 0;
        for (int p = 1; p <= periods; p++) {
            cumulative += actual[p];
            out.add(new TrackingPoint(p, cumulative, expected[p]));
        }
        return List.copyOf(out);
    }
}
