package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

/**
 * The shifted-beta-geometric model reproduces Fader and Hardie's (2007) two cohorts of 1,000 customers observed for
 * seven years, and its projections agree with their definitions.
 */
class ShiftedBetaGeometricTest {
    static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};
    /** The years after: 8 to 12, which the paper projects. */
    private static final long[] REGULAR_LATER = {223, 207, 194, 183, 173};

    @Test
    void theFitsAreThePapers() {
        ModelFit<ShiftedBetaGeometric> regular = ShiftedBetaGeometric.fit(REGULAR);
        assertTrue(regular.converged(), regular.toString());
        assertEquals(0.704, regular.model().alpha(), 0.001);
        assertEquals(1.182, regular.model().beta(), 0.001);
        assertEquals(-1680.3, regular.logLikelihood(), 0.05);
        ModelFit<ShiftedBetaGeometric> highEnd = ShiftedBetaGeometric.fit(HIGH_END);
        assertEquals(0.668, highEnd.model().alpha(), 0.001);
        assertEquals(3.806, highEnd.model().beta(), 0.001);
        assertEquals(-1611.2, highEnd.logLikelihood(), 0.05);
    }

    @Test
    void theRegularCohortsLaterYearsAreProjectedWithinFivePercent() {
        ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(REGULAR).model();
        for (int k = 0; k < REGULAR_LATER.length; k++) {
            double projected = 1000 * m.survival(8 + k);
            assertEquals(REGULAR_LATER[k], projected, 0.05 * REGULAR_LATER[k], "year " + (8 + k));
        }
    }

    @Property(tries = 100)
    void survivalIsTheProductOfRetentionAndTheResidualLifetimeItsDiscountedSum(
            @ForAll @DoubleRange(min = 0.1, max = 10) double alpha, @ForAll @DoubleRange(min = 0.1, max = 10) double beta,
            @ForAll @IntRange(max = 20) int renewals, @ForAll @DoubleRange(min = 0.02, max = 1) double rate) {
        ShiftedBetaGeometric m = new ShiftedBetaGeometric(alpha, beta);
        double product = 1;
        for (int t = 1; t <= 30; t++) {
            product *= m.retentionRate(t);
            assertEquals(m.survival(t), product, 1e-12 * Math.max(1e-3, product));
            assertEquals(m.survival(t - 1) - m.survival(t), m.churnProbability(t), 1e-12);
            if (t > 1) {
                assertTrue(m.retentionRate(t) > m.retentionRate(t - 1), "retention rises as the likely leavers go");
            }
        }
        // Brute force: the chance of making each next renewal, the first undiscounted, summed until negligible.
        double sum = 0;
        double discount = 1;
        for (int k = 1; k < 20_000 && discount > 1e-18; k++) {
            sum += m.survival(renewals + k) / m.survival(renewals) * discount;
            discount /= 1 + rate;
        }
        assertEquals(sum, m.discountedExpectedResidualLifetime(rate, renewals), 1e-9 * Math.max(1, sum));
    }

    @Test
    void cohortsThatCannotBeFittedAreRefused() {
        assertThrows(RuleViolationException.class, () -> ShiftedBetaGeometric.fit(new long[] {1000}));
        assertEquals("survivors must not rise nor be negative: 700 after period 2, 631 before",
                assertThrows(RuleViolationException.class,
                        () -> ShiftedBetaGeometric.fit(new long[] {1000, 631, 700})).getMessage());
        assertThrows(RuleViolationException.class, () -> ShiftedBetaGeometric.fit(new long[] {1000, 1000, 1000}));
        assertThrows(RuleViolationException.class, () -> new ShiftedBetaGeometric(0, 1));
    }
}
