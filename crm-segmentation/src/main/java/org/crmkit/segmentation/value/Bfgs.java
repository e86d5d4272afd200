package org.crmkit.segmentation.value;

/**
 * Minimises a smooth function of a few variables by the BFGS quasi-Newton method with a backtracking (Armijo) line
 * search, after Nocedal and Wright, "Numerical Optimization", algorithm 6.1, with the first inverse Hessian scaled
 * by their equation 6.20.
 *
 * <p>Why here and not from a library: Hipparchus 4 has no quasi-Newton method (its gradient optimiser is a
 * non-linear conjugate gradient, which took about ten times the calls on these likelihoods), and the Java L-BFGS
 * ports on Maven Central are unmaintained (lbfgs4j's last release is from 2016). The value models have two to four
 * parameters, so the dense inverse Hessian is sixteen numbers and limited memory would buy nothing.
 */
final class Bfgs {
    /** Armijo's sufficient-decrease constant. */
    private static final double SUFFICIENT_DECREASE = 1e-4;
    /**
     * A step that lowers the value by no more than this many units of its last place makes no progress worth
     * another: the gradient left is rounding in the function, which no step can remove (L-BFGS-B's factr test).
     */
    private static final double STALLED = 10 * Math.ulp(1.0);

    private Bfgs() {
    }

    /** A function and its gradient; points where it is not defined give a value that is not finite. */
    @FunctionalInterface
    interface Smooth {
        /**
         * @param x the point, not to be changed
         * @param gradient filled with the gradient at x
         * @return the value at x
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * Where a minimisation stopped.
     *
     * @param point the best point found
     * @param value the value there
     * @param gradient the gradient there
     * @param evaluations how many times the function was evaluated
     * @param converged whether every gradient component is within the tolerance
     */
    record Result(double[] point, double value, double[] gradient, int evaluations, boolean converged) {
    }

    /**
     * Minimises {@code f} from {@code start} until every component of the gradient is at most {@code tolerance}
     * in size, no step makes progress (none is found, or the value changes only in its last digits), or
     * {@code maxEvaluations} are spent.
     */
    static Result minimise(Smooth f, double[] start, double tolerance, int maxEvaluations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, g, evaluations, false);
        }
        double[][] h = identity(n);
        boolean scaled = false;
        int stalled = 0;
        double[] p = new double[n];
        double[] xNext = new double[n];
        double[] gNext = new double[n];
        while (largest(g) > tolerance && evaluations < maxEvaluations) {
            times(h, g, p);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                p[i] = -p[i];
                slope += p[i] * g[i];
            }
            if (!(slope < 0)) { // the approximation lost positive definiteness: start again from steepest descent
                h = identity(n);
                scaled = false;
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                slope = -dot(g, g);
            }
            // Before any curvature is known, a first step moves no variable by more than one.
            double step = scaled ? 1 : Math.min(1, 1 / largest(p));
            double fNext;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNext[i] = x[i] + step * p[i];
                }
                fNext = f.valueAndGradient(xNext, gNext);
                evaluations++;
                if (Double.isFinite(fNext) && fNext <= fx + SUFFICIENT_DECREASE * step * slope) {
                    break;
                }
                if (evaluations >= maxEvaluations || step < 1e-20) {
                    return new Result(x, fx, g, evaluations, false);
                }
                // The minimiser of the quadratic through f(x), its slope and f(x + step p), kept within
                // [0.1, 0.5] of the step; a point outside the domain just shrinks the step tenfold.
                double shrink = 0.1;
                if (Double.isFinite(fNext)) {
                    double curvature = fNext - fx - step * slope;
                    shrink = Math.max(0.1, Math.min(0.5, -slope * step / (2 * curvature)));
                }
                step *= shrink;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNext[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (!scaled) {
                    h = identity(n);
                    double k = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = k;
                    }
                    scaled = true;
                }
                update(h, s, y, 1 / sy);
            }
            // Two such steps in a row, since one short step can follow a poor direction.
            stalled = fx - fNext <= STALLED * Math.max(1, Math.max(Math.abs(fx), Math.abs(fNext))) ? stalled + 1 : 0;
            System.arraycopy(xNext, 0, x, 0, n);
            System.arraycopy(gNext, 0, g, 0, n);
            fx = fNext;
            if (stalled == 2) {
                break;
            }
        }
        return new Result(x, fx, g, evaluations, largest(g) <= tolerance);
    }

    /** H = (I - rho s y') H (I - rho y s') + rho s s', the BFGS update of the inverse Hessian. */
    private static void update(double[][] h, double[] s, double[] y, double rho) {
        int n = s.length;
        double[] hy = new double[n];
        times(h, y, hy);
        double yhy = dot(y, hy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
        }
    }

    private static void times(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double largest(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return Double.isNaN(max) ? Double.POSITIVE_INFINITY : max;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
