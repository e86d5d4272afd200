package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the purchase models, for the CDNOW fits and for arbitrary parameters. */
class ValueModelProperties {
    private static final BgNbd BG = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final ParetoNbd PARETO = new ParetoNbd(0.553, 10.578, 0.606, 11.669);

    @Provide
    Arbitrary<PurchaseModel> models() {
        Arbitrary<Double> positive = Arbitraries.doubles().between(0.05, 20);
        // b > 1 keeps a + b + x - 1 positive, where the BG/NBD expectation is defined.
        Arbitrary<Double> bAboveOne = Arbitraries.doubles().between(1.05, 20);
        return Arbitraries.oneOf(Arbitraries.of(BG, PARETO),
                Combinators.combine(positive, positive, positive, bAboveOne).as(BgNbd::new),
                Combinators.combine(positive, positive, positive, positive).as(ModifiedBgNbd::new),
                Combinators.combine(positive, positive, positive, positive).as(ParetoNbd::new));
    }

    @Property
    void probabilityAliveIsAProbability_andFallsAsTheCustomerAgesWithoutBuying(
            @ForAll("models") PurchaseModel m, @ForAll @IntRange(max = 40) int x,
            @ForAll @DoubleRange(min = 0, max = 50) double tx, @ForAll @DoubleRange(min = 0, max = 50) double gap,
            @ForAll @DoubleRange(min = 0.01, max = 50) double more) {
        double age = tx + gap;
        double now = m.probabilityAlive(x, tx, age);
        double later = m.probabilityAlive(x, tx, age + more);
        assertTrue(now >= 0 && now <= 1, "P(alive) " + now);
        assertTrue(later <= now + 1e-12, "P(alive) must not rise with T: " + now + " -> " + later);
    }

    @Property
    void expectedPurchasesRiseWithTheHorizon(@ForAll("models") PurchaseModel m, @ForAll @IntRange(max = 20) int x,
                                             @ForAll @DoubleRange(min = 0, max = 40) double tx,
                                             @ForAll @DoubleRange(min = 0.1, max = 52) double t) {
        double age = tx + 5;
        double shorter = m.expectedPurchases(t, x, tx, age);
        double longer = m.expectedPurchases(t * 1.5, x, tx, age);
        assertTrue(shorter >= 0, "expected purchases " + shorter);
        assertTrue(longer >= shorter - 1e-9, shorter + " -> " + longer);
        assertTrue(m.expectedPurchases(t * 1.5) >= m.expectedPurchases(t) - 1e-9);
    }

    @Property(tries = 60)
    void theFittedLogLikelihoodIsNoLowerThanNearbyParameters(@ForAll @DoubleRange(min = -0.05, max = 0.05) double d1,
                                                             @ForAll @DoubleRange(min = -0.05, max = 0.05) double d2,
                                                             @ForAll @DoubleRange(min = -0.05, max = 0.05) double d3,
                                                             @ForAll @DoubleRange(min = -0.05, max = 0.05) double d4) {
        List<RepeatSummary> data = Cdnow.summaries();
        BgNbd fitted = fitted();
        BgNbd nearby = new BgNbd(fitted.r() * Math.exp(d1), fitted.alpha() * Math.exp(d2), fitted.a() * Math.exp(d3),
                fitted.b() * Math.exp(d4));
        assertTrue(fitted.logLikelihood(data) >= nearby.logLikelihood(data) - 1e-9);
    }

    @Property(tries = 50)
    void theBgNbdGradientMatchesFiniteDifferences(@ForAll @DoubleRange(min = 0.1, max = 3) double r,
                                                   @ForAll @DoubleRange(min = 0.5, max = 20) double alpha,
                                                   @ForAll @DoubleRange(min = 0.1, max = 3) double a,
                                                   @ForAll @DoubleRange(min = 0.5, max = 5) double b) {
        CompactSummaries data = GroupedSummaries.of(Cdnow.summaries()).compact();
        double[] g = new double[4];
        new BgNbd(r, alpha, a, b).logLikelihood(data, g);
        Gradients.assertMatchesFiniteDifferences(new double[] {r, alpha, a, b}, g,
                q -> new BgNbd(q[0], q[1], q[2], q[3]).logLikelihood(data));
    }

    @Property
    void expectationsAtSeveralHorizonsEqualSingleCalls_andThePapersFormula(
            @ForAll("models") PurchaseModel m, @ForAll @IntRange(max = 20) int x,
            @ForAll @DoubleRange(min = 0, max = 40) double tx, @ForAll @DoubleRange(min = 0.1, max = 60) double horizon) {
        double age = tx + 3;
        double[] horizons = {horizon / 4, horizon / 2, horizon, horizon * 2};
        double[] together = m.expectedPurchases(horizons, x, tx, age);
        for (int i = 0; i < horizons.length; i++) {
            double single = m.expectedPurchases(horizons[i], x, tx, age);
            assertTrue(Math.abs(together[i] - single) <= 1e-9 * Math.max(1, Math.abs(single)),
                    "horizon " + horizons[i] + ": " + together[i] + " vs " + single);
            // Near a = 1 the paper's form is 0/0 and loses digits, so the check leaves that strip out.
            if (m instanceof BgNbd bg && Math.abs(bg.a() - 1) > 1e-3) {
                double paper = paper(bg, horizons[i], x, tx, age);
                assertTrue(Math.abs(together[i] - paper) <= 1e-9 * Math.max(1, Math.abs(paper)),
                        "horizon " + horizons[i] + ": " + together[i] + " vs the paper's " + paper);
            }
            if (m instanceof ModifiedBgNbd mbg && Math.abs(mbg.a() - 1) > 1e-3) {
                double paper = paper(mbg, horizons[i], x, tx, age);
                assertTrue(Math.abs(together[i] - paper) <= 1e-9 * Math.max(1, Math.abs(paper)),
                        "horizon " + horizons[i] + ": " + together[i] + " vs Batislam et al.'s " + paper);
            }
        }
    }

    /** Batislam, Denizel and Filiztekin (2007), equation 10: MBG/NBD's conditional expectation. */
    private static double paper(ModifiedBgNbd m, double t, int x, double tx, double age) {
        double c = m.a() + m.b() + x;
        double hyp = Hypergeometric.f21(m.r() + x, m.b() + x + 1, c, t / (m.alpha() + age + t));
        double numerator = c / (m.a() - 1)
                * (1 - Math.pow((m.alpha() + age) / (m.alpha() + age + t), m.r() + x) * hyp);
        return numerator / (1 + m.a() / (m.b() + x) * Math.pow((m.alpha() + age) / (m.alpha() + tx), m.r() + x));
    }

    @Property(tries = 200)
    void theIntegralEqualsTheClosedFormWhereBothHold(@ForAll @DoubleRange(min = 0.05, max = 5) double r,
                                                     @ForAll @DoubleRange(min = 0.5, max = 20) double alpha,
                                                     @ForAll @DoubleRange(min = 0.05, max = 5) double a,
                                                     @ForAll @DoubleRange(min = 0.05, max = 10) double b,
                                                     @ForAll @IntRange(max = 15) int x,
                                                     @ForAll @DoubleRange(min = 0, max = 80) double age,
                                                     @ForAll @DoubleRange(min = 0.5, max = 104) double horizon) {
        BgNbd m = new BgNbd(r, alpha, a, b);
        double[] integral = m.byIntegration(new double[] {horizon}, x, age);
        if (a + b + x - 1 >= 0.5 && Math.abs(a - 1) > 1e-3) {
            double closed = m.expectedPurchasesIfAlive(new double[] {horizon}, x, age)[0];
            assertEquals(closed, integral[0], 1e-8 * Math.max(1, closed));
        }
        // Always: an active customer expects no more than a Poisson buyer who never leaves, and something.
        assertTrue(integral[0] > 0 && integral[0] <= (r + x) / (alpha + age) * horizon * (1 + 1e-9),
                integral[0] + " for " + m + ", x=" + x);
    }

    /** Fader, Hardie and Lee (2005), equation 10: the conditional expectation with its own 2F1 series. */
    private static double paper(BgNbd m, double t, int x, double tx, double age) {
        double c = m.a() + m.b() + x - 1;
        double hyp = Hypergeometric.f21(m.r() + x, m.b() + x, c, t / (m.alpha() + age + t));
        double numerator = c / (m.a() - 1)
                * (1 - Math.pow((m.alpha() + age) / (m.alpha() + age + t), m.r() + x) * hyp);
        double denominator = x == 0 ? 1
                : 1 + m.a() / (m.b() + x - 1) * Math.pow((m.alpha() + age) / (m.alpha() + tx), m.r() + x);
        return numerator / denominator;
    }

    private static BgNbd fittedModel;

    private static synchronized BgNbd fitted() {
        if (fittedModel == null) {
            fittedModel = BgNbd.fit(Cdnow.summaries()).model();
        }
        return fittedModel;
    }
}
