package org.crmkit.segmentation.value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.crmkit.core.CrmException;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over positive parameters, searching their logarithms so that every point tried is
 * valid: with the gradient where a model provides one, otherwise with Hipparchus's Nelder-Mead simplex restarted
 * once from its own optimum.
 *
 * <p>The search works on the mean log-likelihood per customer, so that its tolerances mean the same for ten
 * customers and for ten million (on the total, a fit of a million customers stopped at its starting point after a
 * dozen evaluations). Whatever the optimiser says, a fit is reported converged only when the gradient of the mean
 * log-likelihood in log-parameters is below {@value #GRADIENT_TOLERANCE} in every coordinate at the point returned,
 * and no parameter has run off beyond e^25 or below e^-25.
 */
final class MaximumLikelihood {
    private static final int MAX_EVALUATIONS = 20_000;
    /** The largest gradient component of the mean log-likelihood, in log-parameters, at a converged fit. */
    static final double GRADIENT_TOLERANCE = 1e-5;
    /** Parameters beyond e^25 (about 7e10) or below its inverse are taken as running off, not as estimates. */
    private static final double MAX_LOG_PARAMETER = 25;

    private MaximumLikelihood() {
    }

    /**
     * Maximises with the gradient in log-parameters, by Hipparchus's non-linear conjugate gradient (Polak-Ribiere),
     * then polishes with the simplex when the gradient is not yet small.
     *
     * @param customers how many customers the data holds, to turn totals into means
     */
    static <M> ModelFit<M> fit(double[] start, double customers, List<String> names, Function<double[], M> model,
                               ToDoubleFunction<M> logLikelihood, Function<M, double[]> gradientInLogParameters) {
        double scale = 1.0 / customers;
        ToDoubleFunction<M> mean = m -> logLikelihood.applyAsDouble(m) * scale;
        Function<double[], double[]> meanGradient = logP -> times(gradientInLogParameters.apply(model.apply(exp(logP))),
                scale);
        int[] calls = new int[1];
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            calls[0]++;
            return value(p, model, mean);
        });
        ObjectiveFunctionGradient gradient = new ObjectiveFunctionGradient(p -> {
            calls[0]++;
            return meanGradient.apply(p);
        });
        double[] at = logs(start);
        try {
            NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                    new SimpleValueChecker(1e-14, 1e-14), 1e-10, 1e-10, 1e-2);
            at = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, gradient, GoalType.MAXIMIZE,
                    new InitialGuess(at)).getPoint();
        } catch (MathIllegalStateException | MathIllegalArgumentException | CrmException e) {
            // the simplex below starts from where the gradient search stood
        }
        if (!small(meanGradient.apply(at))) {
            Search polished = simplex(at, model, mean);
            at = polished.logParameters();
            calls[0] += polished.evaluations();
        }
        M fitted = model.apply(exp(at));
        boolean converged = atMaximum(meanGradient.apply(at), at);
        return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), calls[0], converged,
                converged ? standardErrors(names, exp(at), model, logLikelihood) : Map.of());
    }

    /**
     * Maximises with the simplex; convergence is judged on a central-difference gradient of the mean.
     *
     * @param customers how many customers the data holds, to turn totals into means
     */
    static <M> ModelFit<M> fit(double[] start, double customers, List<String> names, Function<double[], M> model,
                               ToDoubleFunction<M> logLikelihood) {
        double scale = 1.0 / customers;
        ToDoubleFunction<M> mean = m -> logLikelihood.applyAsDouble(m) * scale;
        Search s = simplex(logs(start), model, mean);
        M fitted = model.apply(exp(s.logParameters()));
        boolean converged = atMaximum(numericalGradient(s.logParameters(), model, mean), s.logParameters());
        return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), s.evaluations(), converged,
                converged ? standardErrors(names, exp(s.logParameters()), model, logLikelihood) : Map.of());
    }

    /**
     * Standard errors from the observed information: the Hessian of the total log-likelihood in the parameters
     * themselves, by central differences with steps relative to each parameter, negated and inverted.
     *
     * @return the errors by name, or none when the information is not positive definite
     */
    private static <M> Map<String, Double> standardErrors(List<String> names, double[] p, Function<double[], M> model,
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
            RealMatrix covariance = new CholeskyDecomposition(MatrixUtils.createRealMatrix(h)).getSolver()
                    .getInverse();
            Map<String, Double> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                out.put(names.get(i), Math.sqrt(covariance.getEntry(i, i)));
            }
            return out;
        } catch (MathRuntimeException notPositiveDefinite) {
            return Map.of();
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
        double h = 1e-5;
        for (int i = 0; i < logP.length; i++) {
            double[] up = logP.clone();
            double[] down = logP.clone();
            up[i] += h;
            down[i] -= h;
            g[i] = (value(up, model, f) - value(down, model, f)) / (2 * h);
        }
        return g;
    }

    private static double[] times(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * k;
        }
        return out;
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
