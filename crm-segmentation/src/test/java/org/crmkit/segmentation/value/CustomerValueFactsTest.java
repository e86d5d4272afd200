package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;

class CustomerValueFactsTest {
    @Test
    void installedCatalog_testsValueScoresAsFacts() {
        BgNbd model = new BgNbd(0.24, 4.41, 0.79, 2.43);
        GammaGamma spend = new GammaGamma(6.25, 3.74, 15.44);
        RepeatSummary loyal = new RepeatSummary(CustomerId.of("c-1"), 10, 36, 38, 40);
        CustomerValue value = CustomerValue.score(model, spend, loyal, 52, 12, 0.01);
        Rule likelyBack = FactCatalog.installed().compile(Condition.all(
                FactRef.of(CustomerValue.PROBABILITY_ALIVE).atLeast(new java.math.BigDecimal("0.5")),
                FactRef.of(CustomerValue.LIFETIME_VALUE).greaterThan(100)));
        Customer c = Customer.builder().id(CustomerId.of("c-1")).name(Name.person("Ann", "Lee"))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build();
        Subject s = Subject.of(c, List.of(), Instant.parse("2026-06-01T00:00:00Z"));
        assertFalse(likelyBack.test(s));
        assertTrue(likelyBack.test(s.with(CustomerValue.class, value)), value::toString);
    }

    @Test
    void scoresCarryTheirCustomerFromPurchasesToTheSegmentFact() {
        java.time.Instant day = Instant.parse("2026-01-05T10:00:00Z");
        List<org.crmkit.core.touchpoint.Touchpoint> purchases = new java.util.ArrayList<>();
        for (int week = 0; week < 20; week++) {
            for (String who : week % 2 == 0 ? List.of("frequent", "rare") : List.of("frequent")) {
                purchases.add(org.crmkit.core.touchpoint.Touchpoint.builder()
                        .id(org.crmkit.core.touchpoint.TouchpointId.of(who + "-" + week))
                        .customerId(CustomerId.of(who)).occurredAt(day.plus(java.time.Duration.ofDays(7L * week)))
                        .channel(org.crmkit.core.common.Channel.of("store"))
                        .direction(org.crmkit.core.touchpoint.Direction.INBOUND)
                        .kind(org.crmkit.core.touchpoint.TouchpointKind.PURCHASE)
                        .amount(org.crmkit.core.common.Money.parse("30.00 USD")).build());
            }
        }
        List<RepeatSummary> summaries = RepeatSummary.of(Transaction.ofPurchases(purchases,
                java.util.Currency.getInstance("USD"), java.time.ZoneOffset.UTC), java.time.LocalDate.of(2026, 6, 1),
                java.time.temporal.ChronoUnit.WEEKS);
        ValueScorer scorer = ValueScorer.of(new BgNbd(0.24, 4.41, 0.79, 2.43), new GammaGamma(6.25, 3.74, 15.44),
                52, 12, 0.01);
        java.util.Map<CustomerId, CustomerValue> scores = CustomerValue.byCustomer(scorer.scoreAll(summaries));
        assertEquals(Set.of(CustomerId.of("frequent"), CustomerId.of("rare")), scores.keySet());

        Rule morePurchases = FactCatalog.installed().compile(FactRef.of(CustomerValue.EXPECTED_PURCHASES)
                .atLeast(java.math.BigDecimal.valueOf(scores.get(CustomerId.of("rare")).expectedPurchases() + 0.01)));
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        Subject frequent = scores.get(CustomerId.of("frequent")).attachTo(Subject.of(customer("frequent"), List.of(),
                at));
        Subject rare = scores.get(CustomerId.of("rare")).attachTo(Subject.of(customer("rare"), List.of(), at));
        assertTrue(morePurchases.test(frequent));
        assertFalse(morePurchases.test(rare));

        IllegalArgumentException wrong = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> scores.get(CustomerId.of("rare")).attachTo(Subject.of(customer("frequent"), List.of(), at)));
        assertTrue(wrong.getMessage().contains("scores of rare cannot be attached to the subject of frequent"),
                wrong.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CustomerValue.byCustomer(
                List.of(scores.get(CustomerId.of("rare")), scores.get(CustomerId.of("rare")))));
    }

    private static Customer customer(String id) {
        return Customer.builder().id(CustomerId.of(id)).name(Name.person("Ann", "Lee"))
                .createdAt(Instant.parse("2025-12-01T00:00:00Z")).build();
    }

    @Test
    void aRuleOnProbabilityAndTheTopDecile_selectsWhatAFilterDoes() {
        List<RepeatSummary> cdnow = Cdnow.summaries();
        ValueScorer scorer = ValueScorer.of(BgNbd.fit(cdnow).model(), GammaGamma.fit(cdnow).model(), 52, 12, 0.01);
        List<CustomerValue> ranked = CustomerValue.withDeciles(scorer.scoreAll(cdnow));
        Rule rule = FactCatalog.installed().compile(CrmJson.read("""
                {"all": [{"fact": "value.probabilityAlive", "op": "lt", "value": 0.3},
                         {"fact": "value.lifetimeValueDecile", "op": "eq", "value": 10}]}""", Condition.class));
        Customer c = Customer.builder().id(CustomerId.of("c-1")).name(Name.person("Ann", "Lee"))
                .createdAt(Instant.parse("1997-01-01T00:00:00Z")).build();
        Subject base = Subject.of(c, List.of(), Instant.parse("1997-09-30T00:00:00Z"));
        Set<Integer> selected = new HashSet<>();
        Set<Integer> filtered = new HashSet<>();
        double topCut = ranked.stream().mapToDouble(CustomerValue::lifetimeValue).sorted().skip(ranked.size() * 9L / 10)
                .findFirst().orElseThrow();
        for (int i = 0; i < ranked.size(); i++) {
            CustomerValue v = ranked.get(i);
            if (rule.test(base.with(CustomerValue.class, v))) {
                selected.add(i);
            }
            if (v.probabilityAlive() < 0.3 && v.lifetimeValue() >= topCut) {
                filtered.add(i);
            }
        }
        assertEquals(filtered, selected);
        assertFalse(selected.isEmpty(), "some once-valuable customers have probably left");
        assertEquals(236, ranked.stream().filter(v -> v.lifetimeValueDecile() == 10).count());
        assertFalse(rule.test(base.with(CustomerValue.class, scorer.score(cdnow.get(0)))), "unranked: no decile");
    }
}
