package org.crmkit.segmentation.value;

import org.crmkit.core.RuleViolationException;

/**
 * A model of how many purchases a customer makes and whether they are still a customer, given their repeat
 * purchases {@code x}, the time of the last {@code tx} and their age {@code T} at the cut-off. Times are in the unit
 * the data was summarised in.
 */
public sealed interface PurchaseModel permits BgNbd, ModifiedBgNbd, ParetoNbd {

    /**
     * The log-likelihood of one customer's summary.
     *
     * @param s the summary
     * @return the log-likelihood
     */
    double logLikelihood(RepeatSummary s);

    /**
     * The probability that the customer has not left, at the cut-off.
     *
     * @param x repeat purchases
     * @param tx time of the last purchase
     * @param age the customer's age at the cut-off
     * @return a probability in [0, 1]
     */
    double probabilityAlive(int x, double tx, double age);

    /**
     * The expected number of purchases in the {@code t} periods after the cut-off.
     *
     * @param t the length of the period after the cut-off
     * @param x repeat purchases
     * @param tx time of the last purchase
     * @param age the customer's age at the cut-off
     * @return the expected count
     * @throws org.crmkit.core.RuleViolationException as {@link #expectedPurchasesIfAlive} does
     */
    default double expectedPurchases(double t, int x, double tx, double age) {
        return expectedPurchases(new double[] {t}, x, tx, age)[0];
    }

    /**
     * The expected number of purchases within each of several horizons after the cut-off; the same numbers as
     * calling {@link #expectedPurchases(double, int, double, double)} for each, computed together.
     *
     * @param horizons lengths of periods after the cut-off
     * @param x repeat purchases
     * @param tx time of the last purchase
     * @param age the customer's age at the cut-off
     * @return the expected counts, one per horizon
     */
    default double[] expectedPurchases(double[] horizons, int x, double tx, double age) {
        double alive = probabilityAlive(x, tx, age);
        double[] out = expectedPurchasesIfAlive(horizons, x, age);
        for (int i = 0; i < out.length; i++) {
            out[i] *= alive;
        }
        return out;
    }

    /**
     * The expected number of purchases within each of several horizons after the cut-off, of a customer who is
     * still active at the cut-off. The unconditional expectation is this times {@link #probabilityAlive}; unlike
     * that probability it does not depend on the time of the last purchase, so customers of the same {@code x} and
     * age share it.
     *
     * @param horizons lengths of periods after the cut-off; a horizon of 0 or less expects nothing
     * @param x repeat purchases
     * @param age the customer's age at the cut-off
     * @return the expected counts, one per horizon
     * @throws org.crmkit.core.RuleViolationException when a horizon is not finite, x is negative or the age is
     *     negative or not finite
     */
    double[] expectedPurchasesIfAlive(double[] horizons, int x, double age);

    /**
     * The expected number of purchases of a new customer in their first {@code t} periods, for checking a fit
     * against a whole cohort over time.
     *
     * @param t the length of the period
     * @return the expected count
     * @throws org.crmkit.core.RuleViolationException as {@link #expectedPurchasesIfAlive} does
     */
    default double expectedPurchases(double t) {
        // At its first purchase a new customer is alive for certain, except under MBG/NBD.
        return expectedPurchases(t, 0, 0, 0);
    }

    /**
     * A customer's probability of being alive over their history, the curve analysts plot under the purchases:
     * at each time, as {@link #probabilityAlive} judges the customer from the repeat purchases made by then.
     *
     * @param repeatPurchases when the customer bought again, in periods since the first purchase, ascending
     * @param times when to judge, in periods since the first purchase, each zero or more
     * @return the probability alive at each time
     * @throws org.crmkit.core.RuleViolationException when a time is negative or not finite, or the purchases are not
     *     ascending
     */
    default double[] probabilityAliveOverTime(double[] repeatPurchases, double[] times) {
        for (int i = 0; i < repeatPurchases.length; i++) {
            if (!(repeatPurchases[i] > 0) || Double.isInfinite(repeatPurchases[i])
                    || i > 0 && repeatPurchases[i] < repeatPurchases[i - 1]) {
                throw new RuleViolationException("repeat purchases must be positive, finite and "
                        + "ascending: " + repeatPurchases[i] + " at " + i);
            }
        }
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            double at = times[k];
            if (!(at >= 0) || Double.isInfinite(at)) {
                throw new RuleViolationException("times must be zero or more and finite: " + at);
            }
            int x = 0;
            double tx = 0;
            while (x < repeatPurchases.length && repeatPurchases[x] <= at) {
                tx = repeatPurchases[x];
                x++;
            }
            out[k] = probabilityAlive(x, tx, at);
        }
        return out;
    }

    /** {@return the sum of the log-likelihoods of the summaries} */
    default double logLikelihood(Iterable<RepeatSummary> data) {
        double sum = 0;
        for (RepeatSummary s : data) {
            sum += logLikelihood(s);
        }
        return sum;
    }

    /** Refuses horizons, repeat purchases or ages the expectations have no meaning for. */
    static void requireExpectationArguments(double[] horizons, int x, double age) {
        if (x < 0 || !(age >= 0) || Double.isInfinite(age)) {
            throw new RuleViolationException("expected purchases need x >= 0 and a finite age >= 0: "
                    + "x=" + x + ", age=" + age);
        }
        for (double h : horizons) {
            if (!Double.isFinite(h)) {
                throw new RuleViolationException("horizon must be a finite number: " + h);
            }
        }
    }

    /** Checks that every parameter is a positive, finite number. */
    static void requirePositive(String model, String[] names, double... values) {
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0 && Double.isFinite(values[i]))) {
                throw new RuleViolationException(model + " parameter " + names[i]
                        + " must be positive: " + values[i]);
            }
        }
    }
}
