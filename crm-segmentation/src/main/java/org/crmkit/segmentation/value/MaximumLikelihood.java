package org.crmkit.segmentation.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.crmkit.core.CrmException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over positive parameters, searching their logarithms so that every point tried is
 * valid: by BFGS ({@link Bfgs}) with the model's analytic gradient where it has one and central differences
 * otherwise, and with Hipparchus's Nelder-Mead simplex as a last resort where BFGS stops short.
 *
 * <p>The search works on the mean log-likelihood per customer, so that its tolerances mean the same for ten
 * customers and for ten million (on the total, a fit of a million customers stopped at its starting point after a
 * dozen evaluations). Whatever the optimiser says, a fit is reported converged only when the gradient of the mean
 * log-likelihood in log-parameters is below {@value #GRADIENT_TOLERANCE} in every coordinate at the point returned,
 * no parameter has run off beyond e^25 or below e^-25, and the observed information there is positive definite.
 */
final class MaximumLikelihood {
    private static final int MAX_EVALUATIONS = 20_000;
    /** The largest gradient component of the mean log-likelihood, in log-parameters, at a converged fit. */
    static final double GRADIENT_TOLERANCE = 1e-5;
    /** Where BFGS stops: a hundred times tighter, so that a converged fit is well inside the test above. */
    private static final double SEARCH_TOLERANCE = GRADIENT_TOLERANCE / 100;
    /** Parameters beyond e^25 (about 7e10) or below its inverse are taken as running off, not as estimates. */
    private static final double MAX_LOG_PARAMETER = 25;
    /** The step of the central differences in log-parameters. */
    private static final double DIFFERENCE_STEP = 1e-5;

    private MaximumLikelihood() {
    }

    /** A total log-likelihood and, on request, its gradient in log-parameters, in one pass over the data. */
    @FunctionalInterface
    interface Objective<M> {
        /**
         * @param model the parameters
         * @param gradient null, or filled with the gradient in the logarithms of the parameters
         * @return the total log-likelihood
         */
        double at(M model, double[] gradient);
    }

    /**
     * Maximises a log-likelihood whose gradient the model computes.
     *
     * @param customers how many customers the data holds, to turn totals into means
     */
    static <M> ModelFit<M> fit(double[] start, double customers, List<String> names, Function<double[], M> model,
                               Objective<M> objective) {
        double scale = 1.0 / customers;
        Bfgs.Smooth negatedMean = (logP, g) -> {
            try {
                double ll = objective.at(model.apply(exp(logP)), g);
                for (int i = 0; i < g.length; i++) {
                    g[i] *= -scale;
                }
                return Double.isFinite(ll) ? -ll * scale : Double.POSITIVE_INFINITY;
            } catch (CrmException invalid) {
                return Double.POSITIVE_INFINITY;
            }
        };
        return fit(start, names, model, m -> objective.at(m, null), negatedMean, scale, 1);
    }

    /**
     * Maximises a log-likelihood without a gradient of its own, differentiating it centrally.
     *
     * @param customers how many customers the data holds, to turn totals into means
     */
    static <M> ModelFit<M> fit(double[] start, double customers, List<String> names, Function<double[], M> model,
                               ToDoubleFunction<M> logLikelihood) {
        double scale = 1.0 / customers;
        ToDoubleFunction<M> mean = m -> logLikelihood.applyAsDouble(m) * scale;
        Bfgs.Smooth negatedMean = (logP, g) -> {
            double[] numerical = numericalGradient(logP, model, mean);
            for (int i = 0; i < g.length; i++) {
                g[i] = -numerical[i];
            }
            return -value(logP, model, mean);
        };
        return fit(start, names, model, logLikelihood, negatedMean, scale, 2 * start.length + 1);
    }

    /**
     * @param callsPerPoint evaluations of the likelihood per point BFGS asks for: one with an analytic gradient,
     *     the point and two neighbours per parameter with central differences
     */
    private static <M> ModelFit<M> fit(double[] start, List<String> names, Function<double[], M> model,
                                       ToDoubleFunction<M> logLikelihood, Bfgs.Smooth negatedMean, double scale,
                                       int callsPerPoint) {
        Bfgs.Result r = Bfgs.minimise(negatedMean, logs(start), SEARCH_TOLERANCE, MAX_EVALUATIONS / callsPerPoint);
        double[] at = r.point();
        double[] gradient = r.gradient();
        int calls = r.evaluations() * callsPerPoint;
        if (!small(gradient)) {
            Search polished = simplex(at, model, m -> logLikelihood.applyAsDouble(m) * scale);
            at = polished.logParameters();
            calls += polished.evaluations();
            gradient = new double[at.length];
            negatedMean.valueAndGradient(at, gradient);
        }
        M fitted = model.apply(exp(at));
        // A maximum the data identifies has a positive definite information; on a ridge (dropout without
        // heterogeneity sends a and b to infinity together) the gradient fades but the information is singular.
        double[][] covariance = atMaximum(gradient, at) ? covariance(exp(at), model, logLikelihood) : null;
        if (covariance == null) {
            return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), calls, false, Map.of(), List.of());
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < covariance.length; i++) {
            errors.put(names.get(i), Math.sqrt(covariance[i][i]));
            rows.add(Arrays.stream(covariance[i]).boxed().toList());
        }
        return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), calls, true, errors, rows);
    }

    /**
     * The covariance of the estimates from the observed information: the Hessian of the total log-likelihood in the
     * parameters themselves, by central differences with steps relative to each parameter, negated and inverted.
     *
     * @return the covariance, or null when the information is not positive definite
     */
    private static <M> double[][] covariance(double[] p, Function<double[], M> model,
                                             ToDoubleFunction<M> logLikelihood) {
        int n = p.length;
        double[][] h = new double[n][n];
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = 1e-4 * Math.max(Math.abs(p[i]), 1e-8);
        }
        double center = logLikelihood.applyAsDouble(model.apply(p));
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v;
                if (i == j) {
                    v = (at(p, model, logLikelihood, i, step[i], j, 0) - 2 * center
                            + at(p, model, logLikelihood, i, -step[i], j, 0)) / (step[i] * step[i]);
                } else {
                    v = (at(p, model, logLikelihood, i, step[i], j, step[j])
                            - at(p, model, logLikelihood, i, step[i], j, -step[j])
                            - at(p, model, logLikelihood, i, -step[i], j, step[j])
                            + at(p, model, logLikelihood, i, -step[i], j, -step[j])) / (4 * step[i] * step[j]);
                }
                h[i][j] = -v;
                h[j][i] = -v;
            }
        }
        try {
            double[][] c = new CholeskyDecomposition(MatrixUtils.createRealMatrix(h)).getSolver().getInverse()
                    .getData();
            // The inverse is symmetric but for rounding, which the decompositions of its users refuse.
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    c[i][j] = c[j][i] = (c[i][j] + c[j][i]) / 2;
                }
            }
            return c;
        } catch (MathRuntimeException notPositiveDefinite) {
            return null;
        }
    }

    /** The log-likelihood with parameters i and j moved by the given steps. */
    private static <M> double at(double[] p, Function<double[], M> model, ToDoubleFunction<M> logLikelihood,
                                 int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        q[j] += dj;
        return logLikelihood.applyAsDouble(model.apply(q));
    }

    /** Where a search stopped, in log-parameters, and how many evaluations it took. */
    private record Search(double[] logParameters, int evaluations) {
    }

    /** The simplex, restarted smaller from its own optimum until the gradient is small, three rounds at most. */
    private static <M> Search simplex(double[] from, Function<double[], M> model, ToDoubleFunction<M> mean) {
        ObjectiveFunction objective = new ObjectiveFunction(logParams -> value(logParams, model, mean));
        int evaluations = 0;
        double[] at = from;
        for (int round = 0; round < 3; round++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-14, 1e-14));
            try {
                PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                        new InitialGuess(at), new NelderMeadSimplex(at.length, round == 0 ? 0.5 : 0.05));
                evaluations += optimizer.getEvaluations();
                at = p.getPoint();
            } catch (MathIllegalStateException e) {
                evaluations += MAX_EVALUATIONS;
                break;
            }
            if (small(numericalGradient(at, model, mean))) {
                break;
            }
        }
        return new Search(at, evaluations);
    }

    /**
     * Whether a point is a maximum the data identifies: the gradient is small and no parameter ran off towards 0 or
     * infinity (with a handful of customers the likelihood can keep rising along a ridge, its gradient fading).
     */
    private static boolean atMaximum(double[] gradient, double[] logParameters) {
        for (double l : logParameters) {
            if (!(Math.abs(l) <= MAX_LOG_PARAMETER)) {
                return false;
            }
        }
        return small(gradient);
    }

    private static boolean small(double[] gradient) {
        for (double g : gradient) {
            if (!(Math.abs(g) <= GRADIENT_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** Central differences in log-parameters, for models without an analytic gradient. */
    private static <M> double[] numericalGradient(double[] logP, Function<double[], M> model, ToDoubleFunction<M> f) {
        double[] g = new double[logP.length];
        double h = DIFFERENCE_STEP;
        for (int i = 0; i < logP.length; i++) {
            double[] up = logP.clone();
            double[] down = logP.clone();
            up[i] += h;
            down[i] -= h;
            g[i] = (value(up, model, f) - value(down, model, f)) / (2 * h);
        }
        return g;
    }

    /**
     * The log-likelihood at log-parameters; a point whose parameters are not valid (a step so long that exp
     * overflows) or whose likelihood is not finite scores so low that every search turns back from it.
     */
    private static <M> double value(double[] logParams, Function<double[], M> model,
                                    ToDoubleFunction<M> logLikelihood) {
        try {
            double ll = logLikelihood.applyAsDouble(model.apply(exp(logParams)));
            return Double.isFinite(ll) ? ll : -1e300;
        } catch (CrmException invalid) {
            return -1e300;
        }
    }

    private static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log(values[i]);
        }
        return out;
    }

    private static double[] exp(double[] logs) {
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = Math.exp(logs[i]);
        }
        return out;
    }
}
