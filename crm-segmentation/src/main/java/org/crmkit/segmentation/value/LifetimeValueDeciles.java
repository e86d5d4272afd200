package org.crmkit.segmentation.value;

import java.util.Arrays;

import org.crmkit.core.RuleViolationException;

/**
 * The nine cuts that divide lifetime values into tenths of about equal counts, taken from a whole population or,
 * for a population read as a stream, from a uniform sample of it: decile d holds the values from the one at rank
 * n(d - 1)/10 of the sorted values up to the one at rank nd/10. Equal values share a decile, so with many ties a
 * decile can hold more than a tenth and another none. Immutable.
 */
public final class LifetimeValueDeciles {
    private final double[] cuts;

    private LifetimeValueDeciles(double[] cuts) {
        this.cuts = cuts;
    }

    /**
     * The cuts of some values.
     *
     * @param values lifetime values, at least one, in any order (not changed)
     * @return the cuts
     * @throws RuleViolationException when there are no values
     */
    public static LifetimeValueDeciles of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new RuleViolationException("deciles need at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[9];
        for (int d = 1; d <= 9; d++) {
            cuts[d - 1] = sorted[(int) ((long) n * d / 10)];
        }
        return new LifetimeValueDeciles(cuts);
    }

    /**
     * The decile of a value.
     *
     * @param lifetimeValue the value
     * @return 1 (lowest) to 10 (highest)
     */
    public int decileOf(double lifetimeValue) {
        int decile = 1;
        while (decile < 10 && lifetimeValue >= cuts[decile - 1]) {
            decile++;
        }
        return decile;
    }
}
