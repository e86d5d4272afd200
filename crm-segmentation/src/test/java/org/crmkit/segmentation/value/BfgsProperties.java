package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** BFGS finds the minima it is given, to the precision its stopping rules allow, and says so only when it did. */
class BfgsProperties {

    @Property(tries = 200)
    void aConvexQuadraticsMinimumIsFound(@ForAll @DoubleRange(min = -5, max = 5) double c1,
                                         @ForAll @DoubleRange(min = -5, max = 5) double c2,
                                         @ForAll @DoubleRange(min = 0.01, max = 100) double d1,
                                         @ForAll @DoubleRange(min = 0.01, max = 100) double d2,
                                         @ForAll @DoubleRange(min = -0.9, max = 0.9) double correlation) {
        double off = correlation * Math.sqrt(d1 * d2);
        Bfgs.Result r = Bfgs.minimise((x, g) -> {
            double u = x[0] - c1;
            double v = x[1] - c2;
            g[0] = d1 * u + off * v;
            g[1] = off * u + d2 * v;
            return 0.5 * (d1 * u * u + 2 * off * u * v + d2 * v * v);
        }, new double[] {0, 0}, 1e-9, 10_000);
        // It stops at a gradient of 1e-9 or where a step lowers the value only in its last digits (about 2e-15
        // here, twice in a row), whichever comes first; the smallest curvature bounds how far from the minimum that leaves it.
        assertTrue(r.value() <= 1e-13, r.toString());
        double smallestCurvature = Math.min(d1, d2) * (1 - correlation * correlation);
        assertEquals(c1, r.point()[0], 1e-6 / Math.sqrt(smallestCurvature));
        assertEquals(c2, r.point()[1], 1e-6 / Math.sqrt(smallestCurvature));
    }

    @Test
    void rosenbrocksValleyIsFollowedToItsMinimum() {
        Bfgs.Result r = Bfgs.minimise((x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }, new double[] {-1.2, 1}, 1e-10, 10_000);
        assertTrue(r.value() <= 1e-13, r.toString());
        assertEquals(1, r.point()[0], 1e-6);
        assertEquals(1, r.point()[1], 1e-6);
    }

    @Test
    void pointsOutsideTheDomainAreSteppedBackFrom() {
        // -log(x) + x has its minimum at 1 and no value at x <= 0, where the first steps would land.
        Bfgs.Result r = Bfgs.minimise((x, g) -> {
            g[0] = 1 - 1 / x[0];
            return x[0] > 0 ? x[0] - Math.log(x[0]) : Double.NaN;
        }, new double[] {0.01}, 1e-10, 10_000);
        assertTrue(r.converged(), r.toString());
        assertEquals(1, r.point()[0], 1e-9);
    }

    @Test
    void aSearchThatCannotMeetItsToleranceStopsWithinItsBudgetAndSaysSo() {
        // exp(-x) has no minimum; its gradient only fades, never reaching zero. (A fading gradient that does meet a
        // tolerance is the caller's to judge: MaximumLikelihood refuses parameters that ran off.)
        Bfgs.Result r = Bfgs.minimise((x, g) -> {
            g[0] = -Math.exp(-x[0]);
            return Math.exp(-x[0]);
        }, new double[] {0}, 0, 500);
        assertFalse(r.converged(), r.toString());
        assertTrue(r.evaluations() <= 500, r.toString());
    }
}
