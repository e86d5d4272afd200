package org.crmkit.segmentation.value;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.crmkit.core.CrmException;
import org.hipparchus.exception.MathIllegalStateException;
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
 * valid, with Hipparchus's Nelder-Mead simplex restarted once from its own optimum.
 */
final class MaximumLikelihood {
    private static final int MAX_EVALUATIONS = 20_000;

    private MaximumLikelihood() {
    }

    static <M> ModelFit<M> fit(double[] start, Function<double[], M> model, ToDoubleFunction<M> logLikelihood) {
        double[] logStart = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            logStart[i] = Math.log(start[i]);
        }
        ObjectiveFunction objective = new ObjectiveFunction(logParams -> {
            double ll = logLikelihood.applyAsDouble(model.apply(exp(logParams)));
            return Double.isFinite(ll) ? ll : -1e300;
        });
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

    private static double[] exp(double[] logs) {
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = Math.exp(logs[i]);
        }
        return out;
    }
}
