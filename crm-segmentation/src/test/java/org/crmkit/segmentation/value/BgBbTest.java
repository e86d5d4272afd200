package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

/**
 * BG/BB reproduces Fader, Hardie and Shang's (2010) donations example: 11,104 members of a 1995 cohort and their
 * repeat donations over the six yearly campaigns 1996-2001.
 */
class BgBbTest {
    /** The paper's table 1: (x, tx, customers), n = 6 for all. */
    static final List<BgBb.History> DONATIONS = List.of(
            h(6, 6, 1203), h(5, 6, 728), h(4, 6, 512), h(3, 6, 357), h(2, 6, 234), h(1, 6, 129),
            h(5, 5, 335), h(4, 5, 284), h(3, 5, 225), h(2, 5, 173), h(1, 5, 119),
            h(4, 4, 240), h(3, 4, 181), h(2, 4, 155), h(1, 4, 78),
            h(3, 3, 322), h(2, 3, 255), h(1, 3, 129),
            h(2, 2, 613), h(1, 2, 277),
            h(1, 1, 1091),
            h(0, 0, 3464));
    private static final BgBb FITTED = BgBb.fit(DONATIONS).model();

    private static BgBb.History h(int x, int tx, long customers) {
        return new BgBb.History(x, tx, 6, customers);
    }

    @Test
    void theFitIsThePapers() {
        ModelFit<BgBb> fit = BgBb.fit(DONATIONS);
        assertTrue(fit.converged(), fit.toString());
        assertEquals(1.204, fit.model().alpha(), 0.001);
        assertEquals(0.750, fit.model().beta(), 0.001);
        assertEquals(0.657, fit.model().gamma(), 0.001);
        assertEquals(2.783, fit.model().delta(), 0.001);
        assertEquals(-33_225.6, fit.logLikelihood(), 0.05);
        assertEquals(List.of("alpha", "beta", "gamma", "delta"), List.copyOf(fit.standardErrors().keySet()));
    }

    @Test
    void probabilitiesAliveAreTheTable6Values() {
        // P(alive in 2002) for a donor of 1995 only, one of 1995 + two through 1999, and one of every year.
        assertEquals(0.11, FITTED.probabilityAlive(0, 0, 6), 0.005);
        assertEquals(0.59, FITTED.probabilityAlive(2, 4, 6), 0.005);
        assertEquals(0.93, FITTED.probabilityAlive(6, 6, 6), 0.005);
    }

    @Test
    void expectationsAreTheWorkbooksTotals() {
        // Hardie's BG/BB workbook: expected donations 2002-2006 summed over the cohort; in-sample 0 and 6 donors.
        double total = DONATIONS.stream()
                .mapToDouble(h -> h.customers() * FITTED.expectedTransactions(5, h.x(), h.tx(), h.n())).sum();
        assertEquals(12_884.2, total, 0.5);
        assertEquals(3_454.9, 11_104 * FITTED.probabilityOfTransactions(0, 6), 0.5);
        assertEquals(1_253.1, 11_104 * FITTED.probabilityOfTransactions(6, 6), 0.5);
    }

    @Property(tries = 100)
    void theCountDistributionSumsToOneWithTheModelsMean(@ForAll @DoubleRange(min = 0.1, max = 5) double alpha,
                                                        @ForAll @DoubleRange(min = 0.1, max = 5) double beta,
                                                        @ForAll @DoubleRange(min = 0.1, max = 5) double gamma,
                                                        @ForAll @DoubleRange(min = 0.1, max = 5) double delta,
                                                        @ForAll @IntRange(min = 1, max = 30) int n) {
        BgBb m = new BgBb(alpha, beta, gamma, delta);
        double total = 0;
        double mean = 0;
        for (int x = 0; x <= n; x++) {
            double p = m.probabilityOfTransactions(x, n);
            total += p;
            mean += x * p;
        }
        assertEquals(1, total, 1e-9);
        assertEquals(m.expectedTransactions(n), mean, 1e-9 * Math.max(1, mean));
    }

    @Test
    void historiesThatCannotHappenAreRefusedByValue() {
        assertEquals("a BG/BB history needs 0 <= x <= tx <= n, x = 0 exactly when tx = 0, and at least one customer:"
                + " x=3, tx=2, n=6, customers=1", assertThrows(RuleViolationException.class,
                () -> new BgBb.History(3, 2, 6, 1)).getMessage());
        assertThrows(RuleViolationException.class, () -> new BgBb.History(0, 2, 6, 1));
        assertThrows(RuleViolationException.class, () -> new BgBb.History(1, 2, 6, 0));
        assertThrows(RuleViolationException.class, () -> BgBb.fit(List.of(h(0, 0, 50))));
    }
}
