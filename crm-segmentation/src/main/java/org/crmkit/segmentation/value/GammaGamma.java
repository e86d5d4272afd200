package org.crmkit.segmentation.value;

import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma model of spend (Fader, Hardie and Lee, 2005, "RFM and CLV"): the value of a customer's
 * transactions varies around their mean, which is drawn from a gamma distribution across customers. It is fitted
 * on customers with at least one repeat purchase. Immutable.
 *
 * @param p shape of the transaction-value distribution
 * @param q shape of the distribution of customers' mean values
 * @param gamma scale of the distribution of customers' mean values
 */
public record GammaGamma(double p, double q, double gamma) {
    private static final String[] NAMES = {"p", "q", "gamma"};

    /** Checks the parameters are positive. */
    public GammaGamma {
        PurchaseModel.requirePositive("Gamma-Gamma", NAMES, p, q, gamma);
    }

    /**
     * Fits the model on the customers with a repeat purchase of positive value.
     *
     * @param data one summary per customer
     * @return the fit
     * @throws RuleViolationException when fewer than two customers made a repeat purchase
     */
    public static ModelFit<GammaGamma> fit(List<RepeatSummary> data) {
        Buyers buyers = new Buyers(data);
        if (buyers.n < 2) {
            throw new RuleViolationException("cannot fit Gamma-Gamma: at least two customers with a repeat purchase "
                    + "are needed, got " + buyers.n);
        }
        return MaximumLikelihood.fit(new double[] {1, 1, 1}, buyers.n, List.of("p", "q", "gamma"),
                v -> new GammaGamma(v[0], v[1], v[2]), (m, gradient) -> m.logLikelihood(buyers, gradient));
    }

    /**
     * The customers with a repeat purchase of positive value, as the likelihood reads them: the terms that depend
     * on the parameters only through x are computed once per distinct x, and those that do not depend on them at
     * all are summed once, so an evaluation costs one logarithm per customer.
     */
    static final class Buyers {
        final int n;
        final int[] x;
        final double[] mean;
        /** How many buyers made k repeat purchases, k = 0..max. */
        final long[] byCount;
        /** The sum of x (ln m + ln x), the coefficient of p. */
        final double linearInP;
        /** The sum of ln m. */
        final double logMeans;

        Buyers(List<RepeatSummary> data) {
            int count = 0;
            int max = 0;
            for (RepeatSummary s : data) {
                if (s.x() > 0 && s.meanRepeatValue() > 0) {
                    count++;
                    max = Math.max(max, s.x());
                }
            }
            n = count;
            x = new int[count];
            mean = new double[count];
            byCount = new long[max + 1];
            double linear = 0;
            double logs = 0;
            int i = 0;
            for (RepeatSummary s : data) {
                if (s.x() > 0 && s.meanRepeatValue() > 0) {
                    x[i] = s.x();
                    mean[i] = s.meanRepeatValue();
                    byCount[x[i]]++;
                    double logMean = Math.log(mean[i]);
                    linear += x[i] * (logMean + Math.log(x[i]));
                    logs += logMean;
                    i++;
                }
            }
            linearInP = linear;
            logMeans = logs;
        }
    }

    /**
     * The total log-likelihood of the buyers' mean values, the sum of {@link #logLikelihood(int, double)}, and,
     * when {@code gradient} is not null, its gradient with respect to (ln p, ln q, ln gamma).
     */
    double logLikelihood(Buyers b, double[] gradient) {
        boolean withGradient = gradient != null;
        double sum = b.n * (q * Math.log(gamma) - Gamma.logGamma(q)) + p * b.linearInP - b.logMeans;
        double gp = b.linearInP;
        double gq = withGradient ? b.n * (Math.log(gamma) - Gamma.digamma(q)) : 0;
        double gGamma = b.n * q / gamma;
        for (int k = 1; k < b.byCount.length; k++) {
            long c = b.byCount[k];
            if (c > 0) {
                sum += c * (Gamma.logGamma(p * k + q) - Gamma.logGamma(p * k));
                if (withGradient) {
                    double both = Gamma.digamma(p * k + q);
                    gp += c * k * (both - Gamma.digamma(p * k));
                    gq += c * both;
                }
            }
        }
        for (int i = 0; i < b.n; i++) {
            int x = b.x[i];
            double spent = gamma + x * b.mean[i];
            double logSpent = Math.log(spent);
            sum -= (p * x + q) * logSpent;
            if (withGradient) {
                gp -= x * logSpent;
                gq -= logSpent;
                gGamma -= (p * x + q) / spent;
            }
        }
        if (withGradient) {
            gradient[0] = gp * p;
            gradient[1] = gq * q;
            gradient[2] = gGamma * gamma;
        }
        return sum;
    }

    /**
     * The log-likelihood of one customer's mean repeat value.
     *
     * @param x repeat purchases, at least 1
     * @param mean their mean value, positive
     * @return the log-likelihood
     */
    public double logLikelihood(int x, double mean) {
        double px = p * x;
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(gamma)
                + (px - 1) * Math.log(mean) + px * Math.log(x) - (px + q) * Math.log(gamma + x * mean);
    }

    /**
     * The expected value of the customer's future transactions.
     *
     * @param x repeat purchases
     * @param mean their mean value (ignored when {@code x} is 0)
     * @return the expected average value
     */
    public double expectedAverageSpend(int x, double mean) {
        return p * (gamma + x * mean) / (p * x + q - 1);
    }
}
