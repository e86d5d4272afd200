package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToDoubleFunction;

/** Checks an analytic gradient in log-parameters against central differences. */
final class Gradients {
    private Gradients() {
    }

    /**
     * @param p the parameters
     * @param analytic the gradient with respect to their logarithms
     * @param value the function of the parameters
     */
    static void assertMatchesFiniteDifferences(double[] p, double[] analytic, ToDoubleFunction<double[]> value) {
        for (int i = 0; i < p.length; i++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[i] *= Math.exp(1e-6);
            down[i] *= Math.exp(-1e-6);
            double numeric = (value.applyAsDouble(up) - value.applyAsDouble(down)) / 2e-6;
            assertEquals(numeric, analytic[i], 1e-4 * Math.max(1, Math.abs(numeric)),
                    "parameter " + i + ": analytic " + analytic[i] + ", numeric " + numeric);
        }
    }
}
