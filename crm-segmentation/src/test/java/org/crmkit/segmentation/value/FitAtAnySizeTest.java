package org.crmkit.segmentation.value;

import org.crmkit.core.customer.CustomerId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Fits are right at any size: the maximum of a likelihood does not move when every customer is counted four times,
 * a large population drawn from known parameters gives them back, and a fit says it converged only when it did.
 */
class FitAtAnySizeTest {

    private static List<RepeatSummary> repeated(List<RepeatSummary> data, int times) {
        List<RepeatSummary> out = new ArrayList<>(data.size() * times);
        for (int k = 0; k < times; k++) {
            for (RepeatSummary s : data) {
                out.add(new RepeatSummary(CustomerId.of(s.customerId().value() + "-" + k), s.x(), s.tx(), s.age(), s.meanRepeatValue()));
            }
        }
        return out;
    }

    @Test
    void theCdnowCohortCountedFourTimesHasTheSameBgNbdFit() {
        List<RepeatSummary> once = Cdnow.summaries();
        List<RepeatSummary> four = repeated(once, 4);
        assertEquals(9_428, four.size());
        ModelFit<BgNbd> small = BgNbd.fit(once);
        ModelFit<BgNbd> large = BgNbd.fit(four);
        assertTrue(small.converged() && large.converged(), small + " / " + large);
        assertEquals(small.model().r(), large.model().r(), 1e-4);
        assertEquals(small.model().alpha(), large.model().alpha(), 1e-3);
        assertEquals(small.model().a(), large.model().a(), 1e-3);
        assertEquals(small.model().b(), large.model().b(), 1e-3);
        assertEquals(4 * small.logLikelihood(), large.logLikelihood(), 1e-6 * Math.abs(large.logLikelihood()));
    }

    @Test
    void theCdnowCohortCountedFortyTimesStillLeavesItsStartingPoint() {
        List<RepeatSummary> forty = repeated(Cdnow.summaries(), 40); // 94,280 customers, where fits used to stall
        ModelFit<BgNbd> fit = BgNbd.fit(forty);
        assertTrue(fit.converged(), fit.toString());
        assertEquals(0.243, fit.model().r(), 0.0005);
        assertEquals(4.414, fit.model().alpha(), 0.005);
    }

    @Test
    void aLargePopulationDrawnFromKnownParametersGivesThemBack() {
        List<RepeatSummary> drawn = Draws.bgNbd(0.5, 10.0, 0.6, 3.0, 200_000, 52, 7);
        ModelFit<BgNbd> fit = BgNbd.fit(drawn);
        assertTrue(fit.converged(), fit.toString());
        assertEquals(0.5, fit.model().r(), 0.05);
        assertEquals(10.0, fit.model().alpha(), 1.0);
        assertEquals(0.6, fit.model().a(), 0.1);
        assertEquals(3.0, fit.model().b(), 0.6);
        assertTrue(fit.logLikelihood() >= new BgNbd(0.5, 10.0, 0.6, 3.0).logLikelihood(drawn) - 1e-6,
                "the fit is at least as likely as the truth");
    }

    @Test
    void standardErrorsOnCdnowAreThoseLifetimesPrints() {
        ModelFit<BgNbd> fit = BgNbd.fit(Cdnow.summaries());
        // lifetimes' BetaGeoFitter summary on the same sample: se(coef) of r, alpha, a, b.
        assertEquals(0.012557, fit.standardErrors().get("r"), 0.012557 * 0.05);
        assertEquals(0.378221, fit.standardErrors().get("alpha"), 0.378221 * 0.05);
        assertEquals(0.185719, fit.standardErrors().get("a"), 0.185719 * 0.05);
        assertEquals(0.705345, fit.standardErrors().get("b"), 0.705345 * 0.05);
        assertEquals(List.of("r", "alpha", "a", "b"), List.copyOf(fit.standardErrors().keySet()));
    }

    @Test
    void drawnParametersLieWithinThreeStandardErrorsOfTheFit() {
        double[] truth = {0.5, 10.0, 0.6, 3.0};
        ModelFit<BgNbd> fit = BgNbd.fit(Draws.bgNbd(truth[0], truth[1], truth[2], truth[3], 50_000, 52,
                19));
        BgNbd m = fit.model();
        double[] estimate = {m.r(), m.alpha(), m.a(), m.b()};
        String[] names = {"r", "alpha", "a", "b"};
        for (int i = 0; i < 4; i++) {
            double se = fit.standardErrors().get(names[i]);
            assertTrue(Math.abs(estimate[i] - truth[i]) <= 3 * se, names[i] + " " + estimate[i] + " vs " + truth[i]
                    + " with standard error " + se);
        }
    }

    @Test
    void aHandfulOfCustomersThatIdentifyNoMaximumIsReportedAsNotConverged() {
        List<RepeatSummary> three = List.of(new RepeatSummary(CustomerId.of("a"), 1, 30, 39, 10),
                new RepeatSummary(CustomerId.of("b"), 0, 0, 39, 0), new RepeatSummary(CustomerId.of("c"), 2, 35, 39, 12));
        ModelFit<BgNbd> fit = BgNbd.fit(three);
        BgNbd m = fit.model();
        boolean ranOff = List.of(m.r(), m.alpha(), m.a(), m.b()).stream().anyMatch(v -> v > 7e10 || v < 1.4e-11);
        assertTrue(!fit.converged() || !ranOff, "converged with parameters run off: " + fit);
    }
}
