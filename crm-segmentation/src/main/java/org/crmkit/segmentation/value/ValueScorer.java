package org.crmkit.segmentation.value;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;

/**
 * Scores customers with a fitted purchase model and spend model over one horizon: probability alive, expected
 * purchases over the horizon, and lifetime value, the horizon cut into equal steps each discounted at a rate per
 * step (C8, C12). Immutable and thread-safe.
 *
 * <p>{@link #scoreAll(List)} scores a population at a fraction of the cost of one call per customer: the part of
 * the value that needs the model's series depends only on the repeat purchases and the age, which customers
 * summarised from dates share with many others.
 */
public final class ValueScorer {
    private final PurchaseModel purchases;
    private final GammaGamma spend;
    private final double horizon;
    private final int steps;
    private final double ratePerStep;
    private final double[] ends;
    private final double[] discounts;

    private ValueScorer(PurchaseModel purchases, GammaGamma spend, double horizon, int steps, double ratePerStep) {
        this.purchases = Objects.requireNonNull(purchases, "purchases");
        this.spend = Objects.requireNonNull(spend, "spend");
        if (!(horizon > 0) || Double.isInfinite(horizon) || steps < 1 || !(ratePerStep > -1)
                || Double.isInfinite(ratePerStep)) {
            throw new RuleViolationException("lifetime value needs a positive horizon, steps and a rate above -1: "
                    + "horizon=" + horizon + ", steps=" + steps + ", ratePerStep=" + ratePerStep);
        }
        this.horizon = horizon;
        this.steps = steps;
        this.ratePerStep = ratePerStep;
        ends = new double[steps];
        discounts = new double[steps];
        double discount = 1;
        for (int i = 0; i < steps; i++) {
            ends[i] = i == steps - 1 ? horizon : horizon * (i + 1) / steps;
            discount /= 1 + ratePerStep;
            discounts[i] = discount;
        }
    }

    /**
     * A scorer.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model
     * @param horizon how far ahead, in the unit the summaries were made in
     * @param steps how many discounting periods the horizon is cut into (months of a year: 12)
     * @param ratePerStep the discount rate per period, such as 0.01 a month
     * @return the scorer
     * @throws RuleViolationException when the horizon is not positive and finite, steps is below 1 or the rate is
     *     not above -1
     */
    public static ValueScorer of(PurchaseModel purchases, GammaGamma spend, double horizon, int steps,
                                 double ratePerStep) {
        return new ValueScorer(purchases, spend, horizon, steps, ratePerStep);
    }

    /**
     * Scores one customer.
     *
     * @param s the customer's summary at the cut-off
     * @return the scores
     */
    public CustomerValue score(RepeatSummary s) {
        Objects.requireNonNull(s, "summary");
        return combine(s, ifAlive(s.x(), s.age()));
    }

    /**
     * Scores many customers; the same scores as {@link #score(RepeatSummary)} for each.
     *
     * @param summaries the customers' summaries at the cut-off
     * @return the scores, in the order of the summaries
     */
    public List<CustomerValue> scoreAll(List<RepeatSummary> summaries) {
        CustomerValue[] out = new CustomerValue[summaries.size()];
        SharedTerms shared = new SharedTerms();
        int i = 0;
        for (RepeatSummary s : summaries) {
            Objects.requireNonNull(s, "summary");
            out[i++] = combine(s, shared.of(s.x(), s.age()));
        }
        return Arrays.asList(out);
    }

    /**
     * For a customer known to be active: the expected purchases over the horizon, and the discounted expected
     * purchases of the steps. Both are then scaled by the probability alive.
     */
    private double[] ifAlive(int x, double age) {
        double[] upTo = purchases.expectedPurchasesIfAlive(ends, x, age);
        double before = 0;
        double discounted = 0;
        for (int i = 0; i < steps; i++) {
            discounted += (upTo[i] - before) * discounts[i];
            before = upTo[i];
        }
        return new double[] {upTo[steps - 1], discounted};
    }

    private CustomerValue combine(RepeatSummary s, double[] ifAlive) {
        double alive = purchases.probabilityAlive(s.x(), s.tx(), s.age());
        double value = spend.expectedAverageSpend(s.x(), s.meanRepeatValue());
        return new CustomerValue(s.customerId(), alive, alive * ifAlive[0], alive * ifAlive[1] * value);
    }

    /** {@return the purchase model} */
    public PurchaseModel purchases() {
        return purchases;
    }

    /** {@return the spend model} */
    public GammaGamma spend() {
        return spend;
    }

    /** {@return how far ahead the scores look} */
    public double horizon() {
        return horizon;
    }

    /** {@return how many discounting periods the horizon is cut into} */
    public int steps() {
        return steps;
    }

    /** {@return the discount rate per period} */
    public double ratePerStep() {
        return ratePerStep;
    }

    @Override
    public String toString() {
        return "ValueScorer[" + purchases + ", " + spend + ", horizon=" + horizon + ", steps=" + steps
                + ", ratePerStep=" + ratePerStep + "]";
    }

    /**
     * The {@link #ifAlive} terms of one scoring run, by (x, age): an open-addressing table, since boxing a key per
     * customer would cost more than the rest of the score. It stops taking new keys at {@link #LIMIT}, which bounds
     * its memory where ages hardly repeat (continuous times). Not thread-safe; one per run.
     */
    private final class SharedTerms {
        private static final int LIMIT = 1 << 16;

        private int[] xs = new int[64];
        private long[] ages = new long[64];
        private double[][] terms = new double[64][];
        private int size;

        double[] of(int x, double age) {
            long bits = Double.doubleToLongBits(age);
            int slot = slotOf(x, bits);
            if (terms[slot] != null) {
                return terms[slot];
            }
            double[] computed = ifAlive(x, age);
            if (size < LIMIT) {
                put(slot, x, bits, computed);
                if (++size * 2 > xs.length) {
                    grow();
                }
            }
            return computed;
        }

        /** The slot holding (x, age bits), or the empty slot where it belongs. */
        private int slotOf(int x, long bits) {
            int mask = xs.length - 1;
            int slot = spread(x, bits) & mask;
            while (terms[slot] != null && (xs[slot] != x || ages[slot] != bits)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void put(int slot, int x, long bits, double[] value) {
            xs[slot] = x;
            ages[slot] = bits;
            terms[slot] = value;
        }

        private void grow() {
            int[] oldXs = xs;
            long[] oldAges = ages;
            double[][] oldTerms = terms;
            xs = new int[oldXs.length * 2];
            ages = new long[oldXs.length * 2];
            terms = new double[oldXs.length * 2][];
            for (int i = 0; i < oldXs.length; i++) {
                if (oldTerms[i] != null) {
                    put(slotOf(oldXs[i], oldAges[i]), oldXs[i], oldAges[i], oldTerms[i]);
                }
            }
        }

        private static int spread(int x, long bits) {
            long h = (bits ^ (bits >>> 29) ^ x * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
