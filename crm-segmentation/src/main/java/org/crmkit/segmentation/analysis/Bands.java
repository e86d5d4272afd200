package org.crmkit.segmentation.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Labelled bands of a number: n cut points make n + 1 bands, band i holding values from cut point i - 1
 * (inclusive) up to cut point i (exclusive). Cut points are given, or taken from data at equal-count quantiles.
 * Immutable.
 *
 * @param cutPoints strictly increasing cut points
 * @param labels one label per band, lowest first
 */
public record Bands(List<BigDecimal> cutPoints, List<String> labels) {
    /** Checks that the cut points increase and that there is one label more than cut points. */
    public Bands {
        cutPoints = List.copyOf(cutPoints);
        labels = List.copyOf(labels);
        if (labels.size() != cutPoints.size() + 1) {
            throw new IllegalArgumentException("bands need one label more than cut points: " + labels.size()
                    + " labels, " + cutPoints.size() + " cut points");
        }
        for (int i = 1; i < cutPoints.size(); i++) {
            if (cutPoints.get(i).compareTo(cutPoints.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("cut points must increase: " + cutPoints);
            }
        }
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("band labels must differ: " + labels);
        }
    }

    /**
     * Bands at fixed cut points.
     *
     * @param cutPoints the cut points
     * @param labels the labels, one more than cut points
     * @return the bands
     */
    public static Bands at(List<BigDecimal> cutPoints, String... labels) {
        return new Bands(cutPoints, List.of(labels));
    }

    /**
     * Bands of about equal counts over observed values: with k labels, the cut points are the values at ranks
     * n/k, 2n/k... of the sorted data. Repeated values may make a band hold more than its share, never split a
     * value between bands; cut points that would repeat are dropped with their band's label, so fewer bands can
     * result from very repetitive data.
     *
     * @param values the observed values, at least one
     * @param labels the labels, lowest first
     * @return the bands
     * @throws IllegalArgumentException when there are no values or no labels
     */
    public static Bands quantiles(Collection<BigDecimal> values, String... labels) {
        if (values.isEmpty() || labels.length == 0) {
            throw new IllegalArgumentException("quantile bands need values and labels: " + values.size() + " values, "
                    + labels.length + " labels");
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        List<BigDecimal> cuts = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        kept.add(labels[0]);
        for (int i = 1; i < labels.length; i++) {
            BigDecimal cut = sorted.get((int) ((long) sorted.size() * i / labels.length));
            if ((cuts.isEmpty() || cut.compareTo(cuts.get(cuts.size() - 1)) > 0)
                    && cut.compareTo(sorted.get(0)) > 0) {
                cuts.add(cut);
                kept.add(labels[i]);
            }
        }
        return new Bands(cuts, kept);
    }

    /**
     * The band of a value.
     *
     * @param value the value
     * @return its band's label
     */
    public String labelOf(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        int lo = 0;
        int hi = cutPoints.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value.compareTo(cutPoints.get(mid)) >= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return labels.get(lo);
    }
}
