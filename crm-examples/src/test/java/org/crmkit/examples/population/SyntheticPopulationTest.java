package org.crmkit.examples.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.touchpoint.Touchpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("the same seed gives the same customers, streamed or made one at a time")
    void deterministic() {
        SyntheticPopulation a = SyntheticPopulation.of(7, 5_000, END);
        SyntheticPopulation b = SyntheticPopulation.of(7, 5_000, END);
        List<SyntheticCustomer> streamed = a.stream().limit(200).collect(Collectors.toList());
        for (int i = 0; i < 200; i++) {
            assertEquals(streamed.get(i), b.customer(i));
        }
        assertEquals(a.customer(4_999), b.stream().skip(4_999).findFirst().orElseThrow());
        assertNotEquals(a.customer(3), SyntheticPopulation.of(8, 5_000, END).customer(3));
    }

    @Test
    @DisplayName("mixes follow the documented shares, and purchase counts the usage")
    void mixes() {
        SyntheticPopulation p = SyntheticPopulation.of(11, 20_000, END);
        Map<Trait.Usage, Integer> usage = new EnumMap<>(Trait.Usage.class);
        Map<Trait.Usage, Long> purchases = new EnumMap<>(Trait.Usage.class);
        Map<Trait.Loyalty, Integer> loyalty = new EnumMap<>(Trait.Loyalty.class);
        Map<Trait.Household, Integer> household = new EnumMap<>(Trait.Household.class);
        int[] members = {0};
        int[] consents = {0};
        p.stream().forEach(c -> {
            usage.merge(c.usage(), 1, Integer::sum);
            purchases.merge(c.usage(), (long) c.touchpoints().size(), Long::sum);
            loyalty.merge(c.loyalty(), 1, Integer::sum);
            household.merge(c.household(), 1, Integer::sum);
            members[0] += c.member() ? 1 : 0;
            consents[0] += c.consents() ? 1 : 0;
            assertEquals(c.member(), c.customer().tags().contains(SyntheticPopulation.MEMBER));
        });
        assertShare(0.20, usage.get(Trait.Usage.HEAVY));
        assertShare(0.30, usage.get(Trait.Usage.MEDIUM));
        assertShare(0.35, loyalty.get(Trait.Loyalty.NATIONAL));
        assertShare(0.25, household.get(Trait.Household.PET_OWNER));
        assertShare(0.20, household.get(Trait.Household.YOUNG_FAMILY));
        assertShare(0.60, members[0]);
        assertShare(0.70, consents[0]);
        double heavy = (double) purchases.get(Trait.Usage.HEAVY) / usage.get(Trait.Usage.HEAVY);
        double light = (double) purchases.get(Trait.Usage.LIGHT) / usage.get(Trait.Usage.LIGHT);
        assertEquals(104, heavy, 5, "purchases a year of a heavy buyer");
        assertEquals(12, light, 1.5, "purchases a year of a light buyer");
    }

    private static void assertShare(double expected, int count) {
        assertEquals(expected, count / 20_000.0, 0.015);
    }

    @Test
    @DisplayName("purchases belong to their customer, fall in the year and come in time order")
    void purchasesInTheYear() {
        SyntheticPopulation p = SyntheticPopulation.of(3, 1_000, END);
        p.stream().forEach(c -> {
            Instant previous = END.minus(Duration.ofDays(364));
            for (Touchpoint t : c.touchpoints()) {
                assertEquals(c.customer().id(), t.customerId());
                assertTrue(!t.occurredAt().isBefore(previous) && t.occurredAt().isBefore(END), t.toString());
                previous = t.occurredAt();
            }
        });
    }

    @Test
    @DisplayName("a size out of range or an index outside the population is refused with the value")
    void bounds() {
        RuleViolationException small = assertThrows(RuleViolationException.class,
                () -> SyntheticPopulation.of(1, 999, END));
        assertTrue(small.getMessage().contains("999"), small.getMessage());
        assertThrows(RuleViolationException.class, () -> SyntheticPopulation.of(1, 10_000_001, END));
        RuleViolationException index = assertThrows(RuleViolationException.class,
                () -> SyntheticPopulation.of(1, 1_000, END).customer(1_000));
        assertTrue(index.getMessage().contains("1000"), index.getMessage());
    }
}
