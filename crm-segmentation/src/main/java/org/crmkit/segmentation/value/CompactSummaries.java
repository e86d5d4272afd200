package org.crmkit.segmentation.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries grouped by identical (x, tx, T), with counts: the likelihood of a group is computed once and weighted.
 * Immutable after construction.
 */
final class CompactSummaries {
    final int[] x;
    final double[] tx;
    final double[] age;
    final double[] count;
    final int maxX;

    CompactSummaries(List<RepeatSummary> data) {
        Map<List<Object>, double[]> groups = new LinkedHashMap<>();
        int max = 0;
        for (RepeatSummary s : data) {
            groups.computeIfAbsent(List.of(s.x(), s.tx(), s.age()), k -> new double[1])[0]++;
            max = Math.max(max, s.x());
        }
        int n = groups.size();
        x = new int[n];
        tx = new double[n];
        age = new double[n];
        count = new double[n];
        int i = 0;
        for (Map.Entry<List<Object>, double[]> e : groups.entrySet()) {
            x[i] = (Integer) e.getKey().get(0);
            tx[i] = (Double) e.getKey().get(1);
            age[i] = (Double) e.getKey().get(2);
            count[i] = e.getValue()[0];
            i++;
        }
        maxX = max;
    }

    /** ln Gamma(v + k) - ln Gamma(v) for k = 0..maxX, as prefix sums of ln(v + i). */
    double[] logRisingFactorials(double v) {
        double[] out = new double[maxX + 1];
        for (int k = 0; k < maxX; k++) {
            out[k + 1] = out[k] + Math.log(v + k);
        }
        return out;
    }

    /** d/dv [ln Gamma(v + k) - ln Gamma(v)] for k = 0..maxX, as prefix sums of 1 / (v + i). */
    double[] digammaDifferences(double v) {
        double[] out = new double[maxX + 1];
        for (int k = 0; k < maxX; k++) {
            out[k + 1] = out[k] + 1.0 / (v + k);
        }
        return out;
    }
}
