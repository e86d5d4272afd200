package org.crmkit.segmentation.value;

import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.hipparchus.special.Beta;

/**
 * The shifted-beta-geometric model of contractual retention (Fader and Hardie, "How to project customer retention",
 * 2007): at the end of each period every customer renews with a probability of their own, which stays the same
 * over time and is drawn across customers from a beta distribution, so a cohort's retention rate rises as those
 * likely to leave do. Periods count from 1; a customer who leaves at the end of period t had a lifetime of t.
 * Immutable.
 *
 * @param alpha first shape of the churn-probability distribution
 * @param beta second shape of the churn-probability distribution
 */
public record ShiftedBetaGeometric(double alpha, double beta) {
    private static final String[] NAMES = {"alpha", "beta"};

    /** Checks the parameters are positive. */
    public ShiftedBetaGeometric {
        PurchaseModel.requirePositive("sBG", NAMES, alpha, beta);
    }

    /**
     * Fits the model to a cohort's survivors by maximum likelihood.
     *
     * @param survivors how many of the cohort were still customers after each period: the cohort's size first,
     *     then after period 1, 2, ...; never rising
     * @return the fit
     * @throws RuleViolationException when there are fewer than two counts, a count rises or is negative, the
     *     cohort has fewer than two customers, or nobody left
     */
    public static ModelFit<ShiftedBetaGeometric> fit(long[] survivors) {
        long[] s = survivors.clone();
        if (s.length < 2 || s[0] < 2) {
            throw new RuleViolationException("cannot fit sBG: a cohort of at least two and one period are needed");
        }
        for (int t = 1; t < s.length; t++) {
            if (s[t] < 0 || s[t] > s[t - 1]) {
                throw new RuleViolationException("survivors must not rise nor be negative: " + s[t] + " after period "
                        + t + ", " + s[t - 1] + " before");
            }
        }
        if (s[s.length - 1] == s[0]) {
            throw new RuleViolationException("cannot fit sBG: nobody left the cohort of " + s[0]);
        }
        return MaximumLikelihood.fit(new double[] {1, 1}, s[0], List.of(NAMES),
                p -> new ShiftedBetaGeometric(p[0], p[1]), m -> m.logLikelihood(s));
    }

    /**
     * The log-likelihood of a cohort's survivors: those who left in each period, and those still there at the end.
     *
     * @param survivors as {@link #fit} takes them
     * @return the log-likelihood
     */
    public double logLikelihood(long[] survivors) {
        double sum = 0;
        int last = survivors.length - 1;
        for (int t = 1; t <= last; t++) {
            long lost = survivors[t - 1] - survivors[t];
            if (lost > 0) {
                sum += lost * Math.log(churnProbability(t));
            }
        }
        return sum + survivors[last] * Math.log(survival(last));
    }

    /**
     * The probability that a new customer leaves at the end of period {@code t}.
     *
     * @param t the period, 1 or more
     * @return P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta)
     */
    public double churnProbability(int t) {
        requirePeriod(t, 1);
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /**
     * The share of a cohort still customers after {@code t} periods.
     *
     * @param t periods, 0 or more
     * @return S(t) = B(alpha, beta + t) / B(alpha, beta)
     */
    public double survival(int t) {
        requirePeriod(t, 0);
        return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /**
     * The share of those who were customers in period {@code t - 1} who are still customers in period {@code t}.
     *
     * @param t the period, 1 or more
     * @return r(t) = (beta + t - 1) / (alpha + beta + t - 1)
     */
    public double retentionRate(int t) {
        requirePeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The discounted expected residual lifetime of a customer who has renewed {@code renewals} times (Fader and
     * Hardie, "Customer-base valuation in a contractual setting", 2010): the sum over their next renewals of the
     * chance of making each, the first undiscounted and each later one discounted by another {@code 1 + rate}.
     * Times a period's margin, it is what the customer is worth.
     *
     * @param rate the discount rate per period, positive
     * @param renewals renewals made so far, 0 or more
     * @return the expected discounted number of future renewals
     * @throws RuleViolationException when the rate is not positive and finite or renewals are negative
     */
    public double discountedExpectedResidualLifetime(double rate, int renewals) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new RuleViolationException("discount rate must be positive and finite: " + rate);
        }
        requirePeriod(renewals, 0);
        int n = renewals + 1;
        return (beta + n - 1) / (alpha + beta + n - 1)
                * Hypergeometric.f21(1, beta + n, alpha + beta + n, 1 / (1 + rate));
    }

    private static void requirePeriod(int t, int least) {
        if (t < least) {
            throw new RuleViolationException("period must be at least " + least + ": " + t);
        }
    }
}
