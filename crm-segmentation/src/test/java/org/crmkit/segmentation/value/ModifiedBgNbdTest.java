package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** MBG/NBD reproduces its published CDNOW fit, and its likelihood, gradient and expectations agree with themselves. */
class ModifiedBgNbdTest {

    @Test
    void theCdnowFitIsBtydPlusAndLifetimes() {
        // BTYDplus's mbgcnbd with k = 1 and lifetimes' ModifiedBetaGeoFitter on the same sample.
        ModelFit<ModifiedBgNbd> fit = ModifiedBgNbd.fit(Cdnow.summaries());
        assertTrue(fit.converged(), fit.toString());
        assertEquals(0.525, fit.model().r(), 0.001);
        assertEquals(6.183, fit.model().alpha(), 0.005);
        assertEquals(0.891, fit.model().a(), 0.002);
        assertEquals(1.614, fit.model().b(), 0.005);
        assertEquals(fit, ModifiedBgNbd.fit(GroupedSummaries.of(Cdnow.summaries())), "grouped or not, one fit");
    }

    @Test
    void theGroupedLikelihoodEqualsTheSumOverCustomers() {
        CompactSummaries compact = GroupedSummaries.of(Cdnow.summaries()).compact();
        for (ModifiedBgNbd m : List.of(new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614), new ModifiedBgNbd(2, 0.5, 3, 0.7),
                new ModifiedBgNbd(0.05, 30, 0.1, 9))) {
            double direct = m.logLikelihood(Cdnow.summaries());
            assertEquals(direct, m.logLikelihood(compact, null), Math.abs(direct) * 1e-12, m.toString());
        }
    }

    @Property(tries = 50)
    void theGradientMatchesFiniteDifferences(@ForAll @DoubleRange(min = 0.1, max = 3) double r,
                                             @ForAll @DoubleRange(min = 0.5, max = 20) double alpha,
                                             @ForAll @DoubleRange(min = 0.1, max = 3) double a,
                                             @ForAll @DoubleRange(min = 0.5, max = 5) double b) {
        CompactSummaries data = GroupedSummaries.of(Cdnow.summaries()).compact();
        double[] g = new double[4];
        new ModifiedBgNbd(r, alpha, a, b).logLikelihood(data, g);
        Gradients.assertMatchesFiniteDifferences(new double[] {r, alpha, a, b}, g,
                q -> new ModifiedBgNbd(q[0], q[1], q[2], q[3]).logLikelihood(data, null));
    }

    @Property(tries = 100)
    void aNewCustomersExpectationIsBatislamsEquation(@ForAll @DoubleRange(min = 0.1, max = 3) double r,
                                                     @ForAll @DoubleRange(min = 0.5, max = 20) double alpha,
                                                     @ForAll @DoubleRange(min = 1.2, max = 5) double a,
                                                     @ForAll @DoubleRange(min = 0.5, max = 5) double b,
                                                     @ForAll @DoubleRange(min = 0.5, max = 100) double t) {
        // A new customer may leave at once (chance a / (a + b)); otherwise buys as BG/NBD would:
        // E[X(t)] = b / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b + 1; a + b; t / (alpha + t))].
        double expected = b / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r)
                * Hypergeometric.f21(r, b + 1, a + b, t / (alpha + t)));
        ModifiedBgNbd m = new ModifiedBgNbd(r, alpha, a, b);
        assertEquals(expected, m.expectedPurchases(t), 1e-9 * Math.max(1, expected));
        assertEquals(b / (a + b), m.probabilityAlive(0, 0, 0), 1e-12, "leaving at the first purchase");
    }
}
