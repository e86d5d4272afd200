package org.crmkit.segmentation.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.CustomerId;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Confidence bands on a customer's predictions from the uncertainty of the fitted parameters, as CLVTools prints
 * beside its point predictions: the parameters are drawn many times from the estimates' asymptotic normal
 * distribution (in their logarithms, so every draw is valid, with the covariance of the fit carried over by the
 * delta method), each draw scores the customer, and a band is the central share of those scores. Immutable and
 * thread-safe.
 *
 * <p>A band costs one score per draw: meant for the customers an analyst looks at, not for a whole base (score
 * that with {@link ValueScorer}).
 */
public final class ValueBands {
    private final ValueScorer estimate;
    private final List<ValueScorer> draws;
    private final List<GammaGamma> spends;

    private ValueBands(ValueScorer estimate, List<ValueScorer> draws, List<GammaGamma> spends) {
        this.estimate = estimate;
        this.draws = draws;
        this.spends = spends;
    }

    /**
     * One prediction with its band. Immutable.
     *
     * @param estimate the prediction at the fitted parameters
     * @param low the lower end of the band
     * @param high the upper end of the band
     */
    public record Band(double estimate, double low, double high) {
    }

    /**
     * A customer's predictions with their bands. Immutable.
     *
     * @param customerId the customer
     * @param probabilityAlive the probability of being still active
     * @param expectedPurchases purchases expected over the horizon
     * @param expectedSpend the expected value of a future purchase
     * @param lifetimeValue discounted expected spend over the horizon
     */
    public record Bands(CustomerId customerId, Band probabilityAlive, Band expectedPurchases, Band expectedSpend,
                        Band lifetimeValue) {
    }

    /**
     * Draws the parameters.
     *
     * @param purchases a converged fit of a purchase model
     * @param spend a converged fit of the spend model
     * @param horizon how far ahead, as {@link ValueScorer#of} takes it
     * @param steps discounting periods over the horizon
     * @param ratePerStep the discount rate per period
     * @param draws how many parameter draws, at least 100
     * @param seed the seed of the draws, so that bands can be reproduced
     * @return the bands' source
     * @throws RuleViolationException when a fit did not converge (its parameters have no covariance) or fewer
     *     than 100 draws are asked for
     */
    public static ValueBands of(ModelFit<? extends PurchaseModel> purchases, ModelFit<GammaGamma> spend,
                                double horizon, int steps, double ratePerStep, int draws, long seed) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        if (draws < 100) {
            throw new RuleViolationException("bands need at least 100 draws: " + draws);
        }
        ValueScorer estimate = ValueScorer.of(purchases.model(), spend.model(), horizon, steps, ratePerStep);
        SplittableRandom random = new SplittableRandom(seed);
        Sampler purchaseDraws = new Sampler("purchases", purchases);
        Sampler spendDraws = new Sampler("spend", spend);
        List<ValueScorer> scorers = new ArrayList<>(draws);
        List<GammaGamma> spends = new ArrayList<>(draws);
        for (int k = 0; k < draws; k++) {
            GammaGamma g = gammaGamma(spendDraws.next(random));
            scorers.add(ValueScorer.of(purchaseModel(purchases.model(), purchaseDraws.next(random)), g, horizon,
                    steps, ratePerStep));
            spends.add(g);
        }
        return new ValueBands(estimate, List.copyOf(scorers), List.copyOf(spends));
    }

    /**
     * A customer's predictions with bands holding the central {@code level} of the draws' predictions.
     *
     * @param s the customer's summary at the cut-off
     * @param level the share of draws a band holds, such as 0.9
     * @return the predictions and their bands
     * @throws RuleViolationException when the level is not strictly between 0 and 1
     */
    public Bands bands(RepeatSummary s, double level) {
        Objects.requireNonNull(s, "summary");
        if (!(level > 0 && level < 1)) {
            throw new RuleViolationException("level must be between 0 and 1: " + level);
        }
        int n = draws.size();
        double[] alive = new double[n];
        double[] purchases = new double[n];
        double[] spend = new double[n];
        double[] value = new double[n];
        for (int k = 0; k < n; k++) {
            CustomerValue v = draws.get(k).score(s);
            alive[k] = v.probabilityAlive();
            purchases[k] = v.expectedPurchases();
            spend[k] = spends.get(k).expectedAverageSpend(s.x(), s.meanRepeatValue());
            value[k] = v.lifetimeValue();
        }
        CustomerValue at = estimate.score(s);
        return new Bands(s.customerId(), band(at.probabilityAlive(), alive, level),
                band(at.expectedPurchases(), purchases, level),
                band(estimate.spend().expectedAverageSpend(s.x(), s.meanRepeatValue()), spend, level),
                band(at.lifetimeValue(), value, level));
    }

    /** The empirical quantiles of the draws at (1 - level) / 2 and (1 + level) / 2. */
    private static Band band(double estimate, double[] draws, double level) {
        double[] sorted = draws.clone();
        Arrays.sort(sorted);
        return new Band(estimate, quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2));
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** Draws log-parameters from N(ln estimate, D^-1 Sigma D^-1), D the diagonal of the estimates. */
    private static final class Sampler {
        private final double[] center;
        private final RealMatrix root;

        Sampler(String which, ModelFit<?> fit) {
            if (!fit.converged() || fit.covariance().isEmpty()) {
                throw new RuleViolationException("the " + which + " fit did not converge: its parameters have no "
                        + "covariance to draw bands from");
            }
            double[] p = parameters(fit.model());
            int n = p.length;
            center = new double[n];
            double[][] logCovariance = new double[n][n];
            for (int i = 0; i < n; i++) {
                center[i] = Math.log(p[i]);
                for (int j = 0; j < n; j++) {
                    logCovariance[i][j] = fit.covariance().get(i).get(j) / (p[i] * p[j]);
                }
            }
            root = new CholeskyDecomposition(MatrixUtils.createRealMatrix(logCovariance)).getL();
        }

        double[] next(SplittableRandom random) {
            int n = center.length;
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            }
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = center[i];
                for (int j = 0; j <= i; j++) {
                    sum += root.getEntry(i, j) * z[j];
                }
                out[i] = Math.exp(sum);
            }
            return out;
        }
    }

    /** The parameters in the order of the fit's standard errors. */
    private static double[] parameters(Object model) {
        if (model instanceof BgNbd m) {
            return new double[] {m.r(), m.alpha(), m.a(), m.b()};
        } else if (model instanceof ModifiedBgNbd m) {
            return new double[] {m.r(), m.alpha(), m.a(), m.b()};
        } else if (model instanceof ParetoNbd m) {
            return new double[] {m.r(), m.alpha(), m.s(), m.beta()};
        } else if (model instanceof GammaGamma m) {
            return new double[] {m.p(), m.q(), m.gamma()};
        }
        throw new IllegalArgumentException("no bands for " + model.getClass().getSimpleName());
    }

    private static PurchaseModel purchaseModel(PurchaseModel like, double[] p) {
        if (like instanceof BgNbd) {
            return new BgNbd(p[0], p[1], p[2], p[3]);
        } else if (like instanceof ModifiedBgNbd) {
            return new ModifiedBgNbd(p[0], p[1], p[2], p[3]);
        }
        return new ParetoNbd(p[0], p[1], p[2], p[3]);
    }

    private static GammaGamma gammaGamma(double[] p) {
        return new GammaGamma(p[0], p[1], p[2]);
    }
}
