package org.crmkit.segmentation.value;

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
    private final double customers;

    CompactSummaries(int[] x, double[] tx, double[] age, double[] count) {
        this.x = x;
        this.tx = tx;
        this.age = age;
        this.count = count;
        int max = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            max = Math.max(max, x[i]);
            sum += count[i];
        }
        maxX = max;
        customers = sum;
    }

    /** {@return how many customers the groups hold} */
    double customers() {
        return customers;
    }

    /** ln Gamma(v + k) - ln Gamma(v) for k = 0..maxX + 1, as prefix sums of ln(v + i). */
    double[] logRisingFactorials(double v) {
        double[] out = new double[maxX + 2];
        for (int k = 0; k <= maxX; k++) {
            out[k + 1] = out[k] + Math.log(v + k);
        }
        return out;
    }

    /** d/dv [ln Gamma(v + k) - ln Gamma(v)] for k = 0..maxX + 1, as prefix sums of 1 / (v + i). */
    double[] digammaDifferences(double v) {
        double[] out = new double[maxX + 2];
        for (int k = 0; k <= maxX; k++) {
            out[k + 1] = out[k] + 1.0 / (v + k);
        }
        return out;
    }
}
