package org.crmkit.segmentation.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.crmkit.core.customer.CustomerId;

class AnalysisTest {

    private static CustomerId id(int i) {
        return CustomerId.of(String.format("c-%03d", i));
    }

    @Test
    void rfm_tenCustomersSplitIntoFifths() {
        List<Rfm.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(new Rfm.Input(id(i), 100 - i * 10, i + 1, BigDecimal.valueOf(i * 5L)));
        }
        List<Rfm.Score> scores = Rfm.score(inputs);
        assertEquals(List.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5), scores.stream().map(Rfm.Score::recency).toList());
        assertEquals(List.of(1, 1, 2, 2, 3, 3, 4, 4, 5, 5), scores.stream().map(Rfm.Score::monetary).toList());
        assertEquals("555", scores.get(9).code());
        assertEquals(RfmGroup.CHAMPIONS, scores.get(9).group());
        assertEquals(RfmGroup.HIBERNATING, scores.get(0).group());
    }

    @Test
    void rfm_equalValuesShareAScoreWhateverTheOrder() {
        List<Rfm.Input> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(new Rfm.Input(id(i), 5, i < 6 ? 1 : 2, BigDecimal.TEN));
        }
        List<Rfm.Score> scores = Rfm.score(inputs);
        assertTrue(scores.stream().allMatch(s -> s.recency() == 1 && s.monetary() == 1));
        assertEquals(6, scores.stream().filter(s -> s.frequency() == 1).count());
        assertEquals(4, scores.stream().filter(s -> s.frequency() == 4).count());
        List<Rfm.Input> shuffled = new ArrayList<>(inputs);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Map<CustomerId, String> a = new LinkedHashMap<>();
        Map<CustomerId, String> b = new LinkedHashMap<>();
        scores.forEach(s -> a.put(s.customerId(), s.code()));
        Rfm.score(shuffled).forEach(s -> b.put(s.customerId(), s.code()));
        assertEquals(a, b);
    }

    @Test
    void rfmGroups_coverEveryPairOfScores() {
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                RfmGroup.of(r, f);
            }
        }
        assertEquals(RfmGroup.CANNOT_LOSE, RfmGroup.of(1, 5));
        assertEquals(RfmGroup.NEW, RfmGroup.of(5, 1));
        assertThrows(IllegalArgumentException.class, () -> RfmGroup.of(0, 3));
    }

    @Test
    void valueRanking_topShareAndParetoCurve() {
        Map<CustomerId, BigDecimal> values = new LinkedHashMap<>();
        IntStream.range(0, 10).forEach(i -> values.put(id(i), BigDecimal.valueOf(i == 9 ? 55 : 5)));
        ValueRanking ranking = ValueRanking.of(values);
        assertEquals(id(9), ranking.ranked().get(0).customerId());
        assertEquals(id(0), ranking.ranked().get(1).customerId());
        assertEquals(0, new BigDecimal("0.55").compareTo(ranking.topShare(10)));
        assertEquals(1, ranking.top(10).size());
        assertEquals(2, ranking.top(10.5).size());
        List<ValueRanking.CurvePoint> curve = ranking.paretoCurve(5);
        assertEquals(0, new BigDecimal("0.6").compareTo(curve.get(0).valueShare()));
        assertEquals(0, BigDecimal.ONE.compareTo(curve.get(4).valueShare()));
        assertThrows(IllegalArgumentException.class, () -> ranking.topShare(0));
    }

    @Test
    void repurchaseCycles_medianIgnoresOneLongGapAndFallsBackToThePopulation() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        List<RepurchaseCycles.Purchase> purchases = new ArrayList<>();
        for (int day : new int[] {0, 14, 28, 42, 120, 134}) {
            purchases.add(new RepurchaseCycles.Purchase(id(1), "pet-food", d.plusDays(day)));
        }
        purchases.add(new RepurchaseCycles.Purchase(id(2), "pet-food", d.plusDays(130)));
        purchases.add(new RepurchaseCycles.Purchase(id(2), "pet-food", d.plusDays(130)));
        RepurchaseCycles cycles = RepurchaseCycles.of(purchases, 2);
        RepurchaseCycles.Prediction own = cycles.predict(id(1), "pet-food").orElseThrow();
        assertEquals(14, own.cycleDays());
        assertTrue(own.personal());
        assertEquals(d.plusDays(148), own.next());
        RepurchaseCycles.Prediction borrowed = cycles.predict(id(2), "pet-food").orElseThrow();
        assertFalse(borrowed.personal());
        assertEquals(14, borrowed.cycleDays());
        assertEquals(List.of(borrowed, own), cycles.dueWithin(d.plusDays(140), 10));
        assertEquals(List.of(), cycles.dueWithin(d.plusDays(200), 10));
        assertEquals(Optional.empty(), cycles.predict(id(3), "pet-food"));
    }

    @Test
    void stratifiedSample_isReproducibleAndIndependentOfOrder() {
        record Served(String customer, String agent) {
        }
        List<Served> population = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            population.add(new Served("c-" + i, "agent-" + (i % 3)));
        }
        Map<String, List<Served>> march = StratifiedSample.draw(population, Served::agent, Served::customer, 5, 202603);
        List<Served> shuffled = new ArrayList<>(population);
        Collections.shuffle(shuffled, new java.util.Random(1));
        assertEquals(march, StratifiedSample.draw(shuffled, Served::agent, Served::customer, 5, 202603));
        assertEquals(List.of("agent-0", "agent-1", "agent-2"), List.copyOf(march.keySet()));
        march.forEach((agent, sample) -> {
            assertEquals(5, sample.size());
            assertTrue(sample.stream().allMatch(s -> s.agent().equals(agent)));
        });
        assertFalse(march.equals(StratifiedSample.draw(population, Served::agent, Served::customer, 5, 202604)));
    }

    @Test
    void bands_quantilesAndFixedCuts() {
        Bands usage = Bands.at(List.of(BigDecimal.valueOf(2), BigDecimal.valueOf(6)), "low", "medium", "high");
        assertEquals("low", usage.labelOf(BigDecimal.ONE));
        assertEquals("medium", usage.labelOf(BigDecimal.valueOf(2)));
        assertEquals("high", usage.labelOf(BigDecimal.valueOf(6)));
        List<BigDecimal> values = IntStream.rangeClosed(1, 9).mapToObj(BigDecimal::valueOf).toList();
        Bands thirds = Bands.quantiles(values, "low", "medium", "high");
        assertEquals(List.of(BigDecimal.valueOf(4), BigDecimal.valueOf(7)), thirds.cutPoints());
        assertEquals(List.of("low"), Bands.quantiles(List.of(BigDecimal.ONE, BigDecimal.ONE), "low", "high").labels());
        assertThrows(IllegalArgumentException.class, () -> Bands.at(List.of(BigDecimal.ONE), "one"));
    }

    @Test
    void rfmInput_measuresPurchasesUpToTheInstant() {
        java.time.Instant now = java.time.Instant.parse("2026-06-30T12:00:00Z");
        org.crmkit.core.customer.Customer c = org.crmkit.core.customer.Customer.builder().id(id(1))
                .name(org.crmkit.core.customer.Name.person("Ann", "Lee")).createdAt(now.minusSeconds(86_400 * 400))
                .build();
        List<org.crmkit.core.touchpoint.Touchpoint> buys = new ArrayList<>();
        for (int daysAgo : new int[] {40, 12}) {
            buys.add(org.crmkit.core.touchpoint.Touchpoint.builder()
                    .id(org.crmkit.core.touchpoint.TouchpointId.of("t-" + daysAgo)).customerId(c.id())
                    .occurredAt(now.minus(java.time.Duration.ofDays(daysAgo)))
                    .channel(org.crmkit.core.common.Channel.WEB)
                    .direction(org.crmkit.core.touchpoint.Direction.INBOUND)
                    .kind(org.crmkit.core.touchpoint.TouchpointKind.PURCHASE)
                    .amount(org.crmkit.core.common.Money.of("20.50", "USD")).build());
        }
        org.crmkit.segmentation.rule.Subject s = org.crmkit.segmentation.rule.Subject.of(c, buys, now);
        Rfm.Input in = Rfm.Input.of(s, java.util.Currency.getInstance("USD")).orElseThrow();
        assertEquals(12, in.recencyDays());
        assertEquals(2, in.frequency());
        assertEquals(0, new BigDecimal("41.00").compareTo(in.monetary()));
        assertEquals(Optional.empty(), Rfm.Input.of(org.crmkit.segmentation.rule.Subject.of(c, List.of(), now),
                java.util.Currency.getInstance("USD")));
    }
}
