package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.RuleViolationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CdnowModelsTest {

    @Test
    @DisplayName("reading the CDNOW transactions reproduces both published summary files")
    void summariesReproduceTheCsvFiles() {
        Map<String, RepeatSummary> byId = new HashMap<>();
        Cdnow.summaries().forEach(s -> byId.put(s.customerId().value(), s));
        List<String[]> summary = Cdnow.rows("cdnow_customers_summary.csv");
        List<String[]> withValue = Cdnow.rows("cdnow_customers_summary_with_transactions.csv");
        assertEquals(2_357, byId.size());
        for (int i = 1; i < summary.size(); i++) {
            String[] row = summary.get(i);
            RepeatSummary s = byId.get(row[0]);
            assertEquals(Integer.parseInt(row[1]), s.x(), row[0]);
            assertEquals(Double.parseDouble(row[2]), round2(s.tx()), 1e-9, row[0]);
            assertEquals(Double.parseDouble(row[3]), round2(s.age()), 1e-9, row[0]);
            String[] v = withValue.get(i);
            assertEquals(row[0], v[0]);
            assertEquals(Double.parseDouble(v[4]), round2(s.meanRepeatValue()), 1e-9, row[0]);
        }
    }

    @Test
    @DisplayName("BG/NBD on the CDNOW sample reproduces the 2005 paper: r 0.243, alpha 4.414, a 0.793, b 2.426")
    void bgNbdReproducesThePaper() {
        ModelFit<BgNbd> fit = BgNbd.fit(Cdnow.summaries());
        BgNbd m = fit.model();
        assertEquals(0.243, m.r(), 0.0005);
        assertEquals(4.414, m.alpha(), 0.005);
        assertEquals(0.793, m.a(), 0.0005);
        assertEquals(2.426, m.b(), 0.005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
        assertTrue(fit.converged());
        assertGradientVanishes(p -> new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(Cdnow.summaries()),
                new double[] {m.r(), m.alpha(), m.a(), m.b()});
    }

    @Test
    @DisplayName("Pareto/NBD on the CDNOW sample reproduces the paper: r 0.553, alpha 10.578, s 0.606, beta 11.669")
    void paretoNbdReproducesThePaper() {
        ModelFit<ParetoNbd> fit = ParetoNbd.fit(Cdnow.summaries());
        ParetoNbd m = fit.model();
        assertEquals(0.553, m.r(), 0.001);
        assertEquals(10.578, m.alpha(), 0.02);
        assertEquals(0.606, m.s(), 0.002);
        assertEquals(11.669, m.beta(), 0.05);
        assertEquals(-9595.0, fit.logLikelihood(), 0.05);
        assertGradientVanishes(p -> new ParetoNbd(p[0], p[1], p[2], p[3]).logLikelihood(Cdnow.summaries()),
                new double[] {m.r(), m.alpha(), m.s(), m.beta()});
    }

    @Test
    @DisplayName("Gamma-Gamma on the CDNOW repeat buyers reproduces the paper: p 6.25, q 3.74, gamma 15.44")
    void gammaGammaReproducesThePaper() {
        GammaGamma m = GammaGamma.fit(Cdnow.summaries()).model();
        assertEquals(6.25, m.p(), 0.01);
        assertEquals(3.74, m.q(), 0.01);
        assertEquals(15.44, m.gamma(), 0.02);
    }

    @Test
    void theGroupedLikelihoodEqualsTheSumOverCustomers() {
        CompactSummaries compact = GroupedSummaries.of(Cdnow.summaries()).compact();
        assertTrue(compact.count.length < Cdnow.summaries().size(), "identical customers are grouped");
        for (BgNbd m : List.of(new BgNbd(0.243, 4.414, 0.793, 2.426), new BgNbd(2, 0.5, 3, 0.7),
                new BgNbd(0.05, 30, 0.1, 9))) {
            double direct = m.logLikelihood(Cdnow.summaries());
            assertEquals(direct, m.logLikelihood(compact), Math.abs(direct) * 1e-12, m.toString());
        }
        for (ParetoNbd m : List.of(new ParetoNbd(0.553, 10.578, 0.606, 11.669), new ParetoNbd(2, 0.5, 3, 0.7),
                new ParetoNbd(0.05, 30, 0.1, 9))) {
            double direct = m.logLikelihood(Cdnow.summaries());
            assertEquals(direct, m.logLikelihood(compact), Math.abs(direct) * 1e-12, m.toString());
        }
        GammaGamma.Buyers buyers = new GammaGamma.Buyers(Cdnow.summaries());
        for (GammaGamma m : List.of(new GammaGamma(6.25, 3.74, 15.44), new GammaGamma(0.5, 20, 0.3),
                new GammaGamma(40, 0.8, 200))) {
            double direct = Cdnow.summaries().stream().filter(s -> s.x() > 0)
                    .mapToDouble(s -> m.logLikelihood(s.x(), s.meanRepeatValue())).sum();
            assertEquals(direct, m.logLikelihood(buyers, null), Math.abs(direct) * 1e-12, m.toString());
        }
    }

    @Property(tries = 50)
    void theGammaGammaGradientMatchesFiniteDifferences(@ForAll @DoubleRange(min = 0.2, max = 20) double p,
                                                        @ForAll @DoubleRange(min = 0.5, max = 20) double q,
                                                        @ForAll @DoubleRange(min = 0.5, max = 100) double gamma) {
        GammaGamma.Buyers buyers = new GammaGamma.Buyers(Cdnow.summaries());
        double[] g = new double[3];
        new GammaGamma(p, q, gamma).logLikelihood(buyers, g);
        Gradients.assertMatchesFiniteDifferences(new double[] {p, q, gamma}, g,
                v -> new GammaGamma(v[0], v[1], v[2]).logLikelihood(buyers, null));
    }

    @Test
    void fitsFromSeveralStartingPointsMeet() {
        double[][] starts = {{0.1, 10, 0.5, 5}, {2, 0.5, 3, 0.5}, {0.5, 3, 1.5, 1.5}};
        for (double[] start : starts) {
            BgNbd m = BgNbd.fit(Cdnow.summaries(), start).model();
            assertEquals(0.243, m.r(), 0.001, java.util.Arrays.toString(start));
            assertEquals(2.426, m.b(), 0.01, java.util.Arrays.toString(start));
        }
        for (double[] start : new double[][] {{0.1, 30, 0.2, 3}, {3, 2, 3, 40}}) {
            ParetoNbd m = ParetoNbd.fit(Cdnow.summaries(), start).model();
            assertEquals(0.553, m.r(), 0.002, java.util.Arrays.toString(start));
            assertEquals(0.606, m.s(), 0.004, java.util.Arrays.toString(start));
        }
    }

    @Test
    void aFitSurvivesSearchStepsThatOverflow() {
        // Many customers with long, empty histories pull the search toward huge parameters early on.
        List<RepeatSummary> data = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            data.add(new RepeatSummary(CustomerId.of("q" + i), 0, 0, 70 + i % 8, 0));
        }
        for (int i = 0; i < 40; i++) {
            data.add(new RepeatSummary(CustomerId.of("b" + i), 1 + i % 5, 10 + i % 30, 75, 20));
        }
        ModelFit<BgNbd> fit = BgNbd.fit(data);
        assertTrue(Double.isFinite(fit.logLikelihood()));
        assertTrue(fit.model().probabilityAlive(0, 0, 70) <= 1);
    }

    @Test
    void dataThatCannotIdentifyAModel_isRefused() {
        List<RepeatSummary> noRepeat = List.of(new RepeatSummary(CustomerId.of("1"), 0, 0, 10, 0),
                new RepeatSummary(CustomerId.of("2"), 0, 0, 20, 0));
        assertEquals("cannot fit BG/NBD: no customer made a repeat purchase",
                assertThrows(RuleViolationException.class, () -> BgNbd.fit(noRepeat)).getMessage());
        assertEquals("cannot fit Pareto/NBD: at least two customers are needed, got 1",
                assertThrows(RuleViolationException.class,
                        () -> ParetoNbd.fit(List.of(new RepeatSummary(CustomerId.of("1"), 2, 5, 10, 3)))).getMessage());
        assertThrows(RuleViolationException.class, () -> new BgNbd(-1, 1, 1, 1));
        assertThrows(RuleViolationException.class, () -> new RepeatSummary(CustomerId.of("1"), 1, 5, 4, 0));
    }

    @Test
    void summariesMergeSameDayPurchases_andIgnoreLaterOnes() {
        List<Transaction> t = List.of(
                new Transaction(CustomerId.of("c"), LocalDate.of(2026, 1, 1), new java.math.BigDecimal("10")),
                new Transaction(CustomerId.of("c"), LocalDate.of(2026, 1, 8), new java.math.BigDecimal("5")),
                new Transaction(CustomerId.of("c"), LocalDate.of(2026, 1, 8), new java.math.BigDecimal("7")),
                new Transaction(CustomerId.of("c"), LocalDate.of(2026, 2, 1), new java.math.BigDecimal("99")),
                new Transaction(CustomerId.of("late"), LocalDate.of(2026, 2, 1), new java.math.BigDecimal("1")));
        assertEquals(List.of(new RepeatSummary(CustomerId.of("c"), 1, 1.0, 2.0, 12.0)),
                RepeatSummary.of(t, LocalDate.of(2026, 1, 15), ChronoUnit.WEEKS));
    }

    private static double round2(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The central-difference gradient of the log-likelihood in log-parameters is close to zero. */
    private static void assertGradientVanishes(ToDoubleFunction<double[]> ll, double[] at) {
        double h = 1e-5;
        for (int i = 0; i < at.length; i++) {
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] = at[i] * Math.exp(h);
            down[i] = at[i] * Math.exp(-h);
            double slope = (ll.applyAsDouble(up) - ll.applyAsDouble(down)) / (2 * h);
            assertEquals(0.0, slope, 0.05, "d log L / d log parameter " + i);
        }
    }
}
