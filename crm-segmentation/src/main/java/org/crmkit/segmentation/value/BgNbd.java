package org.crmkit.segmentation.value;

import java.util.List;

import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model (Fader, Hardie and Lee, 2005): while alive a customer buys at a Poisson rate drawn from a
 * gamma(r, alpha) distribution, and after each purchase leaves with a probability drawn from a beta(a, b)
 * distribution. Immutable.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution
 * @param a first shape of the drop-out distribution
 * @param b second shape of the drop-out distribution
 */
public record BgNbd(double r, double alpha, double a, double b) implements PurchaseModel {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /** Checks the parameters are positive. */
    public BgNbd {
        PurchaseModel.requirePositive("BG/NBD", NAMES, r, alpha, a, b);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data one summary per customer
     * @return the fit
     * @throws org.crmkit.core.RuleViolationException when fewer than two customers or no repeat buyer
     */
    public static ModelFit<BgNbd> fit(List<RepeatSummary> data) {
        return fit(data, new double[] {1, 1, 1, 1});
    }

    /**
     * Fits the model from a given starting point.
     *
     * @param data one summary per customer
     * @param start r, alpha, a, b to start the search from
     * @return the fit
     */
    public static ModelFit<BgNbd> fit(List<RepeatSummary> data, double[] start) {
        PurchaseModel.requireIdentifiable("BG/NBD", data);
        return MaximumLikelihood.fit(start, p -> new BgNbd(p[0], p[1], p[2], p[3]), m -> m.logLikelihood(data));
    }

    @Override
    public double logLikelihood(RepeatSummary s) {
        int x = s.x();
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + s.age());
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + s.tx());
        return a1 + a2 + logAddExp(a3, a4);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1.0;
        }
        double logRatio = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        return 1.0 / (1.0 + Math.exp(logRatio));
    }

    @Override
    public double expectedPurchases(double t, int x, double tx, double age) {
        if (t <= 0) {
            return 0.0;
        }
        double z = t / (alpha + age + t);
        double hyp = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t))) * hyp);
        double denominator = x == 0 ? 1.0
                : 1 + a / (b + x - 1) * Math.exp((r + x) * Math.log((alpha + age) / (alpha + tx)));
        return numerator / denominator;
    }

    /**
     * The expected number of purchases of a new customer in their first {@code t} periods.
     *
     * @param t the length of the period
     * @return the expected count
     */
    public double expectedPurchases(double t) {
        if (t <= 0) {
            return 0.0;
        }
        double hyp = Hypergeometric.f21(r, b, a + b - 1, t / (alpha + t));
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyp);
    }

    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
