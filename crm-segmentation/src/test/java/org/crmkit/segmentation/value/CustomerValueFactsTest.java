package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
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
        RepeatSummary loyal = new RepeatSummary("c-1", 10, 36, 38, 40);
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
}
