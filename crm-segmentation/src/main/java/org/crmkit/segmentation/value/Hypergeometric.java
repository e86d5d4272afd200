package org.crmkit.segmentation.value;

import org.crmkit.core.CrmException;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, which the value models
 * need where Hipparchus has none. Terms are summed until they no longer change the sum in double precision.
 */
final class Hypergeometric {
    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new CrmException("2F1 needs 0 <= z < 1: " + z);
        }
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            double next = sum + term;
            if (next == sum) {
                return sum;
            }
            sum = next;
        }
        throw new CrmException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }
}
