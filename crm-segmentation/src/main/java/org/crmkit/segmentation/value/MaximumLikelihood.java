package org.crmkit.segmentation.value;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.crmkit.core.CrmException;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
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
 */
final class MaximumLikelihood {
    private static final int MAX_EVALUATIONS = 20_000;

    private MaximumLikelihood() {
    }

    /**
     * Maximises with the gradient in log-parameters, by Hipparchus's non-linear conjugate gradient (Polak-Ribiere);
     * falls back to the simplex when that fails to converge.
     */
    static <M> ModelFit<M> fit(double[] start, Function<double[], M> model, ToDoubleFunction<M> logLikelihood,
                               Function<M, double[]> gradientInLogParameters) {
        double[] logStart = logs(start);
        int[] calls = new int[1];
        ObjectiveFunction objective = new ObjectiveFunction(p -> {
            calls[0]++;
            return value(p, model, logLikelihood);
        });
        ObjectiveFunctionGradient gradient = new ObjectiveFunctionGradient(p -> {
            calls[0]++;
            return gradientInLogParameters.apply(model.apply(exp(p)));
        });
        try {
            NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                    NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                    new SimpleValueChecker(1e-12, 1e-12), 1e-10, 1e-10, 1e-2);
            PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, gradient,
                    GoalType.MAXIMIZE, new InitialGuess(logStart));
            M fitted = model.apply(exp(p.getPoint()));
            return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), calls[0], true);
        } catch (MathIllegalStateException | MathIllegalArgumentException | CrmException e) {
            ModelFit<M> fallback = fit(start, model, logLikelihood);
            return new ModelFit<>(fallback.model(), fallback.logLikelihood(), fallback.iterations() + calls[0],
                    fallback.converged());
        }
    }

    static <M> ModelFit<M> fit(double[] start, Function<double[], M> model, ToDoubleFunction<M> logLikelihood) {
        double[] logStart = logs(start);
        ObjectiveFunction objective = new ObjectiveFunction(logParams -> value(logParams, model, logLikelihood));
        int evaluations = 0;
        PointValuePair best = null;
        boolean converged = true;
        double[] from = logStart;
        for (int round = 0; round < 2; round++) {
            SimplexOptimizer optimizer = new SimplexOptimizer(new SimpleValueChecker(1e-10, 1e-10));
            try {
                PointValuePair p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                        new InitialGuess(from), new NelderMeadSimplex(from.length, 0.5));
                evaluations += optimizer.getEvaluations();
                best = p;
                from = p.getPoint();
            } catch (MathIllegalStateException e) {
                converged = false;
                evaluations += MAX_EVALUATIONS;
                break;
            }
        }
        if (best == null) {
            throw new CrmException("the likelihood could not be maximised from " + java.util.Arrays.toString(start));
        }
        M fitted = model.apply(exp(best.getPoint()));
        return new ModelFit<>(fitted, logLikelihood.applyAsDouble(fitted), evaluations, converged);
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
