package org.crmkit.segmentation.value;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.crmkit.core.RuleViolationException;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
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
    /**
     * At a = 1 the closed forms are 0/0; within this distance the expectation is the mean of the two neighbours
     * a = 1 +- NEAR_ONE (error of order NEAR_ONE squared).
     */
    private static final double NEAR_ONE = 1e-4;
    private static final int MAX_TERMS = 1_000_000;
    /** Below this a + b + x - 1 the closed form loses its digits (it divides by it), and the integral serves. */
    private static final double CLOSED_FORM_FLOOR = 0.05;

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
    public static ModelFit<BgNbd> fit(GroupedSummaries data) {
        return fit(data, new double[] {1, 1, 1, 1});
    }

    private static ModelFit<BgNbd> fit(GroupedSummaries data, double[] start) {
        data.requireIdentifiable("BG/NBD");
        CompactSummaries compact = data.compact();
        return MaximumLikelihood.fit(start, compact.customers(), List.of(NAMES),
                p -> new BgNbd(p[0], p[1], p[2], p[3]),
                (m, gradient) -> m.logLikelihood(compact, gradient));
    }

    /**
     * The total log-likelihood of grouped summaries, the same sum as {@link #logLikelihood(Iterable)}: the
     * log-gamma differences are prefix sums of logarithms shared by every group.
     */
    double logLikelihood(CompactSummaries d) {
        return logLikelihood(d, null);
    }

    /**
     * The total log-likelihood of grouped summaries and, when {@code gradient} is not null, its gradient with
     * respect to (ln r, ln alpha, ln a, ln b), in one pass. The log-gamma differences differentiate to prefix sums
     * of 1 / (v + i); the mixture of the two likelihood terms of a repeat buyer contributes each term's derivative
     * weighted by its share.
     */
    double logLikelihood(CompactSummaries d, double[] gradient) {
        return betaGeometric(d, r, alpha, a, b, false, gradient);
    }

    /**
     * The likelihood BG/NBD and MBG/NBD share, and its gradient in log-parameters when {@code gradient} is not
     * null: per customer ln Gamma(r + x) - ln Gamma(r) + r ln alpha + ln B(a, b + x + s) / B(a, b) + ln(A + B),
     * where s is 1 when a customer may leave at the first purchase (MBG/NBD) and 0 otherwise,
     * A = (b + x)^s (alpha + T)^-(r + x) and B = a (alpha + tx)^-(r + x) / (b + x - 1)^(1 - s), B only for repeat
     * buyers when s is 0.
     */
    static double betaGeometric(CompactSummaries d, double r, double alpha, double a, double b,
                                boolean mayLeaveAtOnce, double[] gradient) {
        int shift = mayLeaveAtOnce ? 1 : 0;
        double[] lr = d.logRisingFactorials(r);
        double[] lb = d.logRisingFactorials(b);
        double[] lab = d.logRisingFactorials(a + b);
        boolean withGradient = gradient != null;
        double[] pr = withGradient ? d.digammaDifferences(r) : null;
        double[] pb = withGradient ? d.digammaDifferences(b) : null;
        double[] pab = withGradient ? d.digammaDifferences(a + b) : null;
        double logAlpha = Math.log(alpha);
        double logA = Math.log(a);
        double sum = 0;
        double gr = 0;
        double galpha = 0;
        double ga = 0;
        double gb = 0;
        for (int i = 0; i < d.count.length; i++) {
            int x = d.x[i];
            double n = d.count[i];
            double logT = Math.log(alpha + d.age[i]);
            double left = (mayLeaveAtOnce ? Math.log(b + x) : 0) - (r + x) * logT;
            double ll = lr[x] + r * logAlpha + lb[x] - lab[x + shift];
            double wRight = 0;
            double logTx = 0;
            if (mayLeaveAtOnce || x > 0) {
                logTx = Math.log(alpha + d.tx[i]);
                double right = logA - (mayLeaveAtOnce ? 0 : Math.log(b + x - 1)) - (r + x) * logTx;
                ll += logAddExp(left, right);
                wRight = 1 / (1 + Math.exp(left - right));
            } else {
                ll += left;
            }
            sum += n * ll;
            if (withGradient) {
                double wLeft = 1 - wRight;
                gr += n * (pr[x] + logAlpha - wLeft * logT - wRight * logTx);
                galpha += n * (r / alpha - wLeft * (r + x) / (alpha + d.age[i]) - wRight * (r + x) / (alpha + d.tx[i]));
                ga += n * (-pab[x + shift] + wRight / a);
                gb += n * (pb[x] - pab[x + shift]
                        + (mayLeaveAtOnce ? wLeft / (b + x) : x > 0 ? -wRight / (b + x - 1) : 0));
            }
        }
        if (withGradient) {
            gradient[0] = gr * r;
            gradient[1] = galpha * alpha;
            gradient[2] = ga * a;
            gradient[3] = gb * b;
        }
        return sum;
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

    /**
     * The probability that a new customer makes exactly {@code n} purchases in their first {@code t} periods
     * (Fader, Hardie and Lee 2005, equation 8): the distribution behind {@link #expectedPurchases(double)}, for the
     * histogram analysts set beside a cohort's actual counts.
     *
     * @param n the number of purchases, zero or more
     * @param t the length of the period, positive and finite
     * @return the probability
     * @throws RuleViolationException when n is negative or t is not positive and finite
     */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new RuleViolationException("n must not be negative: " + n);
        }
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new RuleViolationException("t must be positive and finite: " + t);
        }
        double logStay = Math.log(alpha / (alpha + t));
        double logMove = Math.log(t / (alpha + t));
        double logBeta = logBeta(a, b);
        double first = Math.exp(logBeta(a, b + n) - logBeta + negativeBinomialLog(n, logStay, logMove));
        if (n == 0) {
            return first;
        }
        double below = 0;
        for (int j = 0; j < n; j++) {
            below += Math.exp(negativeBinomialLog(j, logStay, logMove));
        }
        return first + Math.exp(logBeta(a + 1, b + n - 1) - logBeta) * Math.max(0, 1 - below);
    }

    /** ln of Gamma(r + j) / (Gamma(r) j!) (alpha / (alpha + t))^r (t / (alpha + t))^j. */
    private double negativeBinomialLog(int j, double logStay, double logMove) {
        return Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0) + r * logStay + j * logMove;
    }

    private static double logBeta(double p, double q) {
        return Gamma.logGamma(p) + Gamma.logGamma(q) - Gamma.logGamma(p + q);
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1.0;
        }
        double logRatio = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return 1.0 / (1.0 + Math.exp(logRatio));
    }

    /**
     * {@inheritDoc} By the paper's closed form, or by integration where that form divides by a + b + x - 1 near
     * or below zero.
     */
    @Override
    public double[] expectedPurchasesIfAlive(double[] horizons, int x, double age) {
        PurchaseModel.requireExpectationArguments(horizons, x, age);
        if (a + b + x - 1 < CLOSED_FORM_FLOOR) {
            return byIntegration(horizons, x, age);
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            double[] above = ifAlive(1 + NEAR_ONE, horizons, x, age);
            double[] below = ifAlive(1 - NEAR_ONE, horizons, x, age);
            for (int i = 0; i < above.length; i++) {
                above[i] = (above[i] + below[i]) / 2;
            }
            return above;
        }
        return ifAlive(a, horizons, x, age);
    }

    /**
     * The expectation if alive as an integral over the drop-out probability p, whose posterior for an active
     * customer is beta(a, b + x): with the rate integrated out, E = E_p[(1 - (1 + p u)^-(r + x)) / p] with
     * u = t / (alpha + T). The paper's closed form divides by a + b + x - 1 and fails where that is not positive (a
     * fit with a + b below 1, where most customers never leave and a few leave at once); the integral holds for all
     * parameters, by Gauss-Legendre quadrature after substitutions that smooth the beta density's ends.
     */
    double[] byIntegration(double[] horizons, int x, double age) {
        double c = b + x;
        double k = r + x;
        double logBeta = logBeta(a, c);
        double[] out = new double[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            if (horizons[i] <= 0) {
                continue;
            }
            double u = horizons[i] / (alpha + age);
            DoubleUnaryOperator g = p -> p == 0 ? k * u : -Math.expm1(-k * Math.log1p(p * u)) / p;
            double low = nearZero(p -> g.applyAsDouble(p) * Math.exp((c - 1) * Math.log1p(-p)), a);
            double high = nearZero(q -> g.applyAsDouble(1 - q) * Math.exp((a - 1) * Math.log1p(-q)), c);
            out[i] = (low + high) * Math.exp(-logBeta);
        }
        return out;
    }

    /**
     * The integral of f(v) v^(shape - 1) over [0, 1/2], f smooth there: below 1e-12 as f(0) times the integral of
     * v^(shape - 1), above it in ln v, where the power is a smooth exponential whatever the shape (a substitution
     * in v itself crowds all the change into the last sliver of the range when the shape is small).
     */
    private static double nearZero(DoubleUnaryOperator f, double shape) {
        double epsilon = 1e-12;
        UnivariateFunction inLog = y -> f.applyAsDouble(Math.exp(y)) * Math.exp(shape * y);
        return f.applyAsDouble(0) * Math.pow(epsilon, shape) / shape
                + new IterativeLegendreGaussIntegrator(16, 1e-11, 1e-14).integrate(1_000_000, inLog,
                Math.log(epsilon), Math.log(0.5));
    }

    /**
     * The paper's expectation if alive, c / (aa - 1) (1 - (1 - z)^(r + x) 2F1(r + x, b + x; c; z)) with
     * c = aa + b + x - 1 and z = t / (alpha + T + t), by Euler's transformation
     * c / (aa - 1) (1 - (1 - z)^(aa - 1) 2F1(aa + b - 1 - r, aa - 1; c; z)): that series' terms fall faster by a
     * factor of about k^(2x), so frequent buyers need a few dozen terms instead of hundreds. The horizons share the
     * series' coefficients, so one pass serves them all.
     */
    private double[] ifAlive(double aa, double[] horizons, int x, double age) {
        int n = horizons.length;
        double[] power = new double[n];
        double[] sum = new double[n];
        double[] z = new double[n];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            z[i] = horizons[i] > 0 ? horizons[i] / (alpha + age + horizons[i]) : 0;
            largest = Math.max(largest, z[i]);
            power[i] = 1;
            sum[i] = 1;
        }
        double u = aa + b - 1 - r;
        double v = aa - 1;
        double c = aa + b + x - 1;
        double coefficient = 1;
        for (int k = 0; ; k++) {
            if (k == MAX_TERMS) {
                throw new org.crmkit.core.CrmException("BG/NBD expectation did not converge: x=" + x + ", T=" + age);
            }
            double ratio = (u + k) * (v + k) / ((c + k) * (k + 1));
            coefficient *= ratio;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                power[i] *= z[i];
                double next = sum[i] + coefficient * power[i];
                changed |= next != sum[i];
                sum[i] = next;
            }
            // Stop once the terms no longer count and can only shrink.
            if (!changed && Math.abs(ratio) * largest < 1) {
                break;
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = horizons[i] <= 0 ? 0
                    : c / v * (1 - Math.pow((alpha + age) / (alpha + age + horizons[i]), v) * sum[i]);
        }
        return out;
    }

    static double logAddExp(double u, double v) {
        double max = Math.max(u, v);
        return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
    }
}
