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
        List<RepeatSummary> buyers = data.stream().filter(s -> s.x() > 0 && s.meanRepeatValue() > 0).toList();
        if (buyers.size() < 2) {
            throw new RuleViolationException("cannot fit Gamma-Gamma: at least two customers with a repeat purchase "
                    + "are needed, got " + buyers.size());
        }
        return MaximumLikelihood.fit(new double[] {1, 1, 1}, buyers.size(), List.of("p", "q", "gamma"),
                v -> new GammaGamma(v[0], v[1], v[2]), (m, gradient) -> m.logLikelihood(buyers, gradient));
    }

    /**
     * The total log-likelihood of the buyers' mean values and, when {@code gradient} is not null, its gradient with
     * respect to (ln p, ln q, ln gamma).
     */
    private double logLikelihood(List<RepeatSummary> buyers, double[] gradient) {
        double sum = 0;
        double gp = 0;
        double gq = 0;
        double gGamma = 0;
        double digammaQ = gradient == null ? 0 : Gamma.digamma(q);
        for (RepeatSummary s : buyers) {
            int x = s.x();
            double mean = s.meanRepeatValue();
            sum += logLikelihood(x, mean);
            if (gradient != null) {
                double px = p * x;
                double both = Gamma.digamma(px + q);
                double logSpent = Math.log(gamma + x * mean);
                gp += x * (both - Gamma.digamma(px) + Math.log(mean) + Math.log(x) - logSpent);
                gq += both - digammaQ + Math.log(gamma) - logSpent;
                gGamma += q / gamma - (px + q) / (gamma + x * mean);
            }
        }
        if (gradient != null) {
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
