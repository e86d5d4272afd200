package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.RuleViolationException;

/** The scorer against the models' one-horizon formulas, and a population scored at once against one at a time. */
class ValueScorerProperties {
    private static final BgNbd PAPER = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final GammaGamma SPEND = new GammaGamma(6.25, 3.74, 15.44);

    @Provide
    Arbitrary<PurchaseModel> models() {
        Arbitrary<Double> positive = Arbitraries.doubles().between(0.05, 20);
        // b > 1 keeps a + b + x - 1 positive, where the BG/NBD expectation is defined.
        Arbitrary<Double> bAboveOne = Arbitraries.doubles().between(1.05, 20);
        return Arbitraries.oneOf(Arbitraries.of(PAPER, new ParetoNbd(0.553, 10.578, 0.606, 11.669),
                        new BgNbd(0.243, 4.414, 1.0, 2.426)),
                Combinators.combine(positive, positive, positive, bAboveOne).as(BgNbd::new),
                Combinators.combine(positive, positive, positive, positive).as(ParetoNbd::new));
    }

    /** Customers on a coarse grid of ages, so that many share (x, age) and the shared table grows. */
    @Provide
    Arbitrary<List<RepeatSummary>> population() {
        Arbitrary<RepeatSummary> one = Combinators.combine(Arbitraries.integers().between(0, 15),
                        Arbitraries.integers().between(0, 60), Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 300))
                .as((x, days, share, mean) -> {
                    double age = days / 7.0;
                    return new RepeatSummary(CustomerId.of("c"), x, x == 0 ? 0 : Math.floor(days * share) / 7.0, age,
                            x == 0 ? 0 : mean);
                });
        return one.list().ofMinSize(0).ofMaxSize(400);
    }

    @Property(tries = 200)
    void lifetimeValueIsTheDiscountedSumOfTheStepsExpectations(
            @ForAll("models") PurchaseModel m, @ForAll @IntRange(max = 20) int x,
            @ForAll @DoubleRange(min = 0, max = 60) double tx, @ForAll @DoubleRange(min = 0, max = 30) double gap,
            @ForAll @DoubleRange(min = 0.5, max = 200) double horizon, @ForAll @IntRange(min = 1, max = 24) int steps,
            @ForAll @DoubleRange(min = 0, max = 0.05) double rate) {
        RepeatSummary s = new RepeatSummary(CustomerId.of("c"), x, x == 0 ? 0 : tx, (x == 0 ? 0 : tx) + gap, x == 0 ? 0 : 40);
        double value = SPEND.expectedAverageSpend(s.x(), s.meanRepeatValue());
        // The definition, from one-horizon calls of the model's own formula.
        double expected = 0;
        for (int i = 1; i <= steps; i++) {
            double step = m.expectedPurchases(horizon * i / steps, s.x(), s.tx(), s.age())
                    - m.expectedPurchases(horizon * (i - 1) / steps, s.x(), s.tx(), s.age());
            expected += step * value / Math.pow(1 + rate, i);
        }
        CustomerValue scored = ValueScorer.of(m, SPEND, horizon, steps, rate).score(s);
        assertClose(expected, scored.lifetimeValue(), "lifetime value");
        assertClose(m.expectedPurchases(horizon, s.x(), s.tx(), s.age()), scored.expectedPurchases(),
                "expected purchases");
        assertEquals(m.probabilityAlive(s.x(), s.tx(), s.age()), scored.probabilityAlive());
    }

    @Property(tries = 100)
    void scoringAPopulationAtOnceEqualsScoringEachCustomer(@ForAll("models") PurchaseModel m,
                                                            @ForAll("population") List<RepeatSummary> customers) {
        ValueScorer scorer = ValueScorer.of(m, SPEND, 52, 12, 0.01);
        List<CustomerValue> together = scorer.scoreAll(customers);
        assertEquals(customers.size(), together.size());
        for (int i = 0; i < customers.size(); i++) {
            assertEquals(scorer.score(customers.get(i)), together.get(i), customers.get(i).toString());
        }
    }

    @Property
    void theExpectationIfAliveTimesTheProbabilityAliveIsTheExpectation(
            @ForAll("models") PurchaseModel m, @ForAll @IntRange(max = 30) int x,
            @ForAll @DoubleRange(min = 0, max = 60) double tx, @ForAll @DoubleRange(min = 0, max = 60) double gap,
            @ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 0, max = 300) Double> horizons) {
        double txx = x == 0 ? 0 : tx;
        double[] h = horizons.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ifAlive = m.expectedPurchasesIfAlive(h, x, txx + gap);
        double alive = m.probabilityAlive(x, txx, txx + gap);
        for (int i = 0; i < h.length; i++) {
            double expected = m.expectedPurchases(h[i], x, txx, txx + gap);
            assertClose(expected, ifAlive[i] * alive, "horizon " + h[i]);
            assertTrue(ifAlive[i] >= expected - 1e-12 * Math.max(1, expected),
                    "if alive " + ifAlive[i] + " below " + expected);
        }
    }

    @Property
    void decilesRiseWithValue_andSplitDistinctValuesIntoTenths(
            @ForAll @Size(max = 300) List<@DoubleRange(min = -50, max = 5_000) Double> values) {
        List<CustomerValue> population = java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> new CustomerValue(CustomerId.of("c" + i), 0.5, 1, values.get(i))).toList();
        List<CustomerValue> ranked = CustomerValue.withDeciles(population);
        int[] counts = new int[11];
        for (int i = 0; i < ranked.size(); i++) {
            CustomerValue v = ranked.get(i);
            assertEquals(population.get(i).lifetimeValue(), v.lifetimeValue());
            assertEquals(population.get(i).customerId(), v.customerId(), "ranking keeps each score's customer");
            assertTrue(v.lifetimeValueDecile() >= 1 && v.lifetimeValueDecile() <= 10, v.toString());
            counts[v.lifetimeValueDecile()]++;
            for (CustomerValue w : ranked) {
                if (v.lifetimeValue() < w.lifetimeValue()) {
                    assertTrue(v.lifetimeValueDecile() <= w.lifetimeValueDecile(), v + " ranks above " + w);
                } else if (v.lifetimeValue() == w.lifetimeValue()) {
                    assertEquals(v.lifetimeValueDecile(), w.lifetimeValueDecile());
                }
            }
        }
        if (values.stream().distinct().count() == values.size() && values.size() >= 10) {
            for (int d = 1; d <= 10; d++) {
                assertTrue(Math.abs(counts[d] - values.size() / 10.0) <= 1, "decile " + d + " holds " + counts[d]);
            }
        }
    }

    @Example
    void thePapersWorkedExample() {
        // Fader, Hardie and Lee (2005): customer 1 of the CDNOW sample, x = 2, tx = 30.43, T = 38.86, is expected
        // to make 1.226 purchases in the next 39 weeks.
        RepeatSummary first = new RepeatSummary(CustomerId.of("1"), 2, 30.43, 38.86, 22.35);
        assertEquals(1.226, PAPER.expectedPurchases(39, 2, 30.43, 38.86), 0.0005);
        assertEquals(1.226, ValueScorer.of(PAPER, SPEND, 39, 3, 0.01).score(first).expectedPurchases(), 0.0005);
        assertEquals(1.226, ValueScorer.of(PAPER, SPEND, 39, 3, 0.01).scoreAll(List.of(first)).get(0)
                .expectedPurchases(), 0.0005);
    }

    @Example
    void badHorizonsAreRefusedByName() {
        assertEquals("lifetime value needs a positive horizon, steps and a rate above -1: horizon=0.0, steps=12, "
                        + "ratePerStep=0.01",
                assertThrows(RuleViolationException.class, () -> ValueScorer.of(PAPER, SPEND, 0, 12, 0.01))
                        .getMessage());
        assertThrows(RuleViolationException.class, () -> ValueScorer.of(PAPER, SPEND, 52, 0, 0.01));
        assertThrows(RuleViolationException.class, () -> ValueScorer.of(PAPER, SPEND, 52, 12, -1));
        assertThrows(RuleViolationException.class, () -> ValueScorer.of(PAPER, SPEND, Double.NaN, 12, 0.01));
        assertThrows(NullPointerException.class, () -> ValueScorer.of(null, SPEND, 52, 12, 0.01));
        assertEquals("horizon must be a finite number: NaN", assertThrows(RuleViolationException.class,
                () -> PAPER.expectedPurchasesIfAlive(new double[] {13, Double.NaN}, 1, 20)).getMessage());
        assertThrows(RuleViolationException.class, () -> new ParetoNbd(0.5, 10, 0.6, 11)
                .expectedPurchasesIfAlive(new double[] {13}, -1, 20));
        assertThrows(RuleViolationException.class, () -> PAPER.expectedPurchasesIfAlive(new double[] {13}, 1,
                Double.POSITIVE_INFINITY));
    }

    @Example
    void aLargeDayResolutionPopulationSharesItsTerms() {
        List<RepeatSummary> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int x = i % 13;
            int days = 7 + i % 500;
            many.add(new RepeatSummary(CustomerId.of("c" + i), x, x == 0 ? 0 : (days * (i % 7) / 7) / 7.0, days / 7.0, 10 + i % 90));
        }
        ValueScorer scorer = ValueScorer.of(PAPER, SPEND, 52, 12, 0.01);
        List<CustomerValue> all = scorer.scoreAll(many);
        for (int i = 0; i < many.size(); i += 97) {
            assertEquals(scorer.score(many.get(i)), all.get(i));
        }
    }

    @Example
    void aPopulationWithMoreDistinctAgesThanTheSharedTableHoldsIsScoredWhole() {
        List<RepeatSummary> many = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            double age = 1 + i * 0.001;
            many.add(new RepeatSummary(CustomerId.of("c" + i), i % 5, i % 5 == 0 ? 0 : age / 2, age, 30));
        }
        many.addAll(many.subList(0, 100));
        ValueScorer scorer = ValueScorer.of(PAPER, SPEND, 52, 12, 0.01);
        List<CustomerValue> all = scorer.scoreAll(many);
        for (int i : new int[] {0, 65_535, 65_536, 69_999, 70_000, 70_099}) {
            assertEquals(scorer.score(many.get(i)), all.get(i), "customer " + i);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual);
    }
}
