package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * BG/NBD's distribution of purchase counts is a distribution (it sums to one), its mean is the model's own
 * expectation for a new customer, and it matches the counts of a population drawn from the model.
 */
class PurchaseCountProperties {

    @Property(tries = 200)
    void theProbabilitiesSumToOneAndTheirMeanIsTheExpectation(
            @ForAll @DoubleRange(min = 0.05, max = 5) double r, @ForAll @DoubleRange(min = 0.5, max = 50) double alpha,
            @ForAll @DoubleRange(min = 0.1, max = 5) double a, @ForAll @DoubleRange(min = 1, max = 20) double b,
            @ForAll @DoubleRange(min = 1, max = 104) double t) {
        BgNbd m = new BgNbd(r, alpha, a, b);
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 5_000; n++) {
            double p = m.probabilityOfPurchases(n, t);
            assertTrue(p >= 0 && p <= 1, "P(" + n + ") = " + p);
            total += p;
            mean += n * p;
            if (n > 50 && p < 1e-16) {
                break;
            }
        }
        assertEquals(1, total, 1e-8);
        assertEquals(m.expectedPurchases(t), mean, 1e-6 * Math.max(1, mean));
    }

    @Example
    void aDrawnCohortsCountsMatchTheDistribution() {
        BgNbd m = new BgNbd(0.5, 10.0, 0.6, 3.0);
        List<RepeatSummary> drawn = Draws.bgNbd(0.5, 10.0, 0.6, 3.0, 100_000, 52, 3);
        for (int n = 0; n <= 5; n++) {
            int count = n;
            double share = drawn.stream().filter(s -> s.x() == count).count() / (double) drawn.size();
            assertEquals(m.probabilityOfPurchases(n, 52), share, 0.005, "share with " + n + " purchases");
        }
    }

    @Example
    void probabilityAliveOverAHistoryFallsBetweenPurchasesAndRisesAtEach() {
        BgNbd m = BgNbd.fit(Cdnow.summaries()).model();
        double[] purchases = {5, 12};
        double[] times = {0, 2, 4.99, 5, 8, 11.99, 12, 20, 39};
        double[] alive = m.probabilityAliveOverTime(purchases, times);
        assertEquals(1.0, alive[0], 1e-12, "no repeat purchase yet: BG/NBD counts the customer alive");
        assertTrue(alive[2] <= alive[1], "falls until the first repeat purchase");
        assertTrue(alive[5] < alive[4] && alive[7] < alive[6] && alive[8] < alive[7], "falls between purchases");
        assertEquals(m.probabilityAlive(2, 12, 39), alive[8], 1e-12);
        assertEquals(m.probabilityAlive(1, 5, 5), alive[3], 1e-12);
    }
}
