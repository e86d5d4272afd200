package org.crmkit.segmentation.value;

import java.util.List;

import org.hipparchus.special.Gamma;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo, 1987): while alive a customer buys at a Poisson rate
 * drawn from a gamma(r, alpha) distribution, and leaves after an exponential lifetime whose rate is drawn from a
 * gamma(s, beta) distribution. Immutable.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution
 * @param s shape of the drop-out-rate distribution
 * @param beta scale of the drop-out-rate distribution
 */
public record ParetoNbd(double r, double alpha, double s, double beta) implements PurchaseModel {
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    /** Checks the parameters are positive. */
    public ParetoNbd {
        PurchaseModel.requirePositive("Pareto/NBD", NAMES, r, alpha, s, beta);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data one summary per customer
     * @return the fit
     */
    public static ModelFit<ParetoNbd> fit(List<RepeatSummary> data) {
        return fit(data, new double[] {1, 1, 1, 1});
    }

    /**
     * Fits the model from a given starting point.
     *
     * @param data one summary per customer
     * @param start r, alpha, s, beta to start the search from
     * @return the fit
     */
    public static ModelFit<ParetoNbd> fit(List<RepeatSummary> data, double[] start) {
        return fit(GroupedSummaries.of(data), start);
    }

    /**
     * Fits the model on summaries grouped by identical (x, tx, T), for populations too large to hold one summary
     * per customer; the same fit as {@link #fit(List)} on the customers the groups count.
     *
     * @param data the groups
     * @return the fit
     * @throws org.crmkit.core.RuleViolationException when fewer than two customers or no repeat buyer
     */
    public static ModelFit<ParetoNbd> fit(GroupedSummaries data) {
        return fit(data, new double[] {1, 1, 1, 1});
    }

    private static ModelFit<ParetoNbd> fit(GroupedSummaries data, double[] start) {
        data.requireIdentifiable("Pareto/NBD");
        CompactSummaries compact = data.compact();
        return MaximumLikelihood.fit(start, compact.customers(), List.of(NAMES),
                p -> new ParetoNbd(p[0], p[1], p[2], p[3]),
                m -> m.logLikelihood(compact));
    }

    /**
     * The total log-likelihood of grouped summaries, the same sum as {@link #logLikelihood(Iterable)}: each group
     * once, weighted by its count, with ln Gamma(r + x) - ln Gamma(r) as prefix sums.
     */
    double logLikelihood(CompactSummaries d) {
        double[] lr = d.logRisingFactorials(r);
        double head = r * Math.log(alpha) + s * Math.log(beta);
        double sum = 0;
        for (int i = 0; i < d.count.length; i++) {
            sum += d.count[i] * (lr[d.x[i]] + head + tail(d.x[i], d.tx[i], d.age[i]));
        }
        return sum;
    }

    @Override
    public double logLikelihood(RepeatSummary sum) {
        int x = sum.x();
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        return a1 + tail(x, sum.tx(), sum.age());
    }

    /** The part of a customer's log-likelihood that depends on tx and T. */
    private double tail(int x, double tx, double age) {
        return BgNbd.logAddExp(-(r + x) * Math.log(alpha + age) - s * Math.log(beta + age),
                Math.log(s) + logA0(x, tx, age) - Math.log(r + s + x));
    }

    /** The log of the A0 term of the likelihood, with the 2F1 argument kept in [0, 1). */
    private double logA0(int x, double tx, double age) {
        double min;
        double max;
        double t;
        if (alpha < beta) {
            min = alpha;
            max = beta;
            t = r + x;
        } else {
            min = beta;
            max = alpha;
            t = s + 1;
        }
        double rsx = r + s + x;
        double diff = max - min;
        double p1 = logF21(rsx, t, diff / (max + tx)) - rsx * Math.log(max + tx);
        double p2 = logF21(rsx, t, diff / (max + age)) - rsx * Math.log(max + age);
        // log(exp(p1) - exp(p2)), with p1 >= p2
        return p1 + Math.log1p(-Math.exp(p2 - p1));
    }

    /**
     * ln 2F1(a, b; a + 1; z) through Euler's transformation (1 - z)^(1 - b) 2F1(1, a + 1 - b; a + 1; z): with
     * {@code 0 < b < a + 1} its terms fall from the first by a ratio below z, where the direct series first grows
     * for about b z terms; with large parameters that was hundreds of thousands of terms per customer and
     * evaluation.
     */
    private static double logF21(double a, double b, double z) {
        return (1 - b) * Math.log1p(-z) + Math.log(Hypergeometric.f21(1, a + 1 - b, a + 1, z));
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        double rsx = r + s + x;
        double logTerm = Math.log(s) - Math.log(rsx) + (r + x) * Math.log(alpha + age) + s * Math.log(beta + age)
                + logA0(x, tx, age);
        return 1.0 / (1.0 + Math.exp(logTerm));
    }

    @Override
    public double[] expectedPurchasesIfAlive(double[] horizons, int x, double age) {
        PurchaseModel.requireExpectationArguments(horizons, x, age);
        double[] out = new double[horizons.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = ifAlive(horizons[i], x, age);
        }
        return out;
    }

    /** The expected rate of an active customer times their expected remaining lifetime within {@code t}. */
    private double ifAlive(double t, int x, double age) {
        if (t <= 0) {
            return 0.0;
        }
        double rate = (r + x) * (beta + age) / (alpha + age);
        double lifetime = Math.abs(s - 1) < 1e-9 ? Math.log((beta + age + t) / (beta + age))
                : (1 - Math.pow((beta + age) / (beta + age + t), s - 1)) / (s - 1);
        return rate * lifetime;
    }
}
