package org.crmkit.core.servicelevel;

/**
 * The process sigma level from defects per million opportunities: the standard normal quantile of the yield,
 * plus the customary long-term shift of 1.5 (so 3.4 DPMO is six sigma). The quantile uses Acklam's rational
 * approximation, accurate to about 1e-9, which is far finer than any defect count supports.
 */
final class Sigma {
    private static final double SHIFT = 1.5;
    /** The level reported for a process without defects, where the quantile is infinite. */
    static final double NO_DEFECTS = 6.0 + SHIFT;
    /** The smallest yield used, so that a process where every item failed still has a finite level. */
    private static final double MIN_YIELD = 1e-12;

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};

    private Sigma() {
    }

    static double level(double dpmo) {
        double yield = 1.0 - dpmo / 1_000_000.0;
        if (yield >= 1.0) {
            return NO_DEFECTS;
        }
        return quantile(Math.max(yield, MIN_YIELD)) + SHIFT;
    }

    /** The standard normal quantile. */
    static double quantile(double p) {
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
