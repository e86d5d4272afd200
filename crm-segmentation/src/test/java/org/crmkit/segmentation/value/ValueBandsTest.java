package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/** Bands hold their estimates, widen with their level, and hold the truth about as often as they say. */
class ValueBandsTest {
    private static final RepeatSummary REGULAR = new RepeatSummary(CustomerId.of("regular"), 2, 30.43, 38.86, 40);

    @Test
    void bandsOnCdnowHoldTheEstimatesAndWidenWithTheirLevel() {
        List<RepeatSummary> data = Cdnow.summaries();
        ValueBands bands = ValueBands.of(BgNbd.fit(data), GammaGamma.fit(data), 52, 12, 0.01, 400, 7);
        ValueBands.Bands ninety = bands.bands(REGULAR, 0.9);
        ValueBands.Bands fifty = bands.bands(REGULAR, 0.5);
        for (ValueBands.Band[] b : List.of(
                new ValueBands.Band[] {ninety.probabilityAlive(), fifty.probabilityAlive()},
                new ValueBands.Band[] {ninety.expectedPurchases(), fifty.expectedPurchases()},
                new ValueBands.Band[] {ninety.expectedSpend(), fifty.expectedSpend()},
                new ValueBands.Band[] {ninety.lifetimeValue(), fifty.lifetimeValue()})) {
            assertTrue(b[0].low() <= b[0].estimate() && b[0].estimate() <= b[0].high(), b[0].toString());
            assertTrue(b[0].low() < b[1].low() && b[1].high() < b[0].high(), "90% wider than 50%: " + b[0] + b[1]);
        }
        assertEquals(ninety, ValueBands.of(BgNbd.fit(data), GammaGamma.fit(data), 52, 12, 0.01, 400, 7)
                .bands(REGULAR, 0.9), "the same seed draws the same bands");
    }

    @Test
    void ninetyPercentBandsHoldTheTrueExpectationAboutNineTimesInTen() {
        BgNbd truth = new BgNbd(0.5, 10.0, 0.6, 3.0);
        double trueExpectation = truth.expectedPurchases(52, REGULAR.x(), REGULAR.tx(), REGULAR.age());
        ModelFit<GammaGamma> spend = GammaGamma.fit(Cdnow.summaries());
        int experiments = 60;
        int held = 0;
        for (int e = 0; e < experiments; e++) {
            ModelFit<BgNbd> fit = BgNbd.fit(GroupedSummaries.of(Draws.bgNbd(0.5, 10.0, 0.6, 3.0, 5_000, 52,
                    1_000 + e)));
            ValueBands.Band band = ValueBands.of(fit, spend, 52, 12, 0.01, 200, e).bands(REGULAR, 0.9)
                    .expectedPurchases();
            held += band.low() <= trueExpectation && trueExpectation <= band.high() ? 1 : 0;
        }
        // 90% of 60 is 54; a binomial's two standard deviations either side are about 4.6.
        assertTrue(held >= 48 && held <= 60, held + " of " + experiments + " bands held the truth");
    }

    @Test
    void aFitWithoutCovarianceHasNoBands() {
        ModelFit<BgNbd> unconverged = new ModelFit<>(new BgNbd(1, 1, 1, 1), -1, 10, false);
        assertEquals("the purchases fit did not converge: its parameters have no covariance to draw bands from",
                assertThrows(RuleViolationException.class, () -> ValueBands.of(unconverged,
                        GammaGamma.fit(Cdnow.summaries()), 52, 12, 0.01, 400, 1)).getMessage());
        assertThrows(RuleViolationException.class, () -> ValueBands.of(BgNbd.fit(Cdnow.summaries()),
                GammaGamma.fit(Cdnow.summaries()), 52, 12, 0.01, 10, 1));
    }
}
