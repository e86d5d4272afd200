package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.crmkit.core.InvalidDefinitionException;

class SqlPushdownTest {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private final SqlPushdown pushdown = SqlPushdownProperties.PUSHDOWN;

    @Test
    void translate_valuesAreBoundNeverSpliced() {
        SqlPredicate p = pushdown.translate(Facts.attribute("region").eq("north'; DROP TABLE customers; --")
                .and(Facts.tags().containsAny("vip", "baby")), AT);
        assertEquals("((c.region IS NOT NULL AND c.region = ?) AND (EXISTS (SELECT 1 FROM customer_tags WHERE "
                + "customer_tags.customer_id = c.id AND customer_tags.tag IN (?, ?))))", p.sql());
        assertEquals(List.of("north'; DROP TABLE customers; --", "vip", "baby"), p.parameters());
    }

    @Test
    void translate_negationOfAMissingValueStaysTwoValued() {
        SqlPredicate p = pushdown.translate(Condition.not(Facts.attribute("household-size").ne(3)), AT);
        assertEquals("(NOT (c.household_size IS NOT NULL AND c.household_size <> ?))", p.sql());
        assertEquals(List.of(BigDecimal.valueOf(3)), p.parameters());
    }

    @Test
    void translate_factWithoutColumn_namesThePath() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> pushdown.translate(
                Facts.tags().contains("vip").and(Facts.touchpointCount(Duration.ofDays(90)).atLeast(2)), AT));
        assertEquals("$.all[1].fact", e.path());
    }

    @Test
    void split_pushesTheStoredConjunctsAndKeepsTheRest() {
        Condition aggregate = Facts.touchpointCount(Duration.ofDays(90)).atLeast(2);
        SqlPushdown.Split split = pushdown.split(Facts.tags().contains("vip").and(aggregate)
                .and(Facts.lifecycleStage().eq("customer")), AT);
        assertTrue(split.where().isPresent());
        assertEquals(List.of("vip", "customer"), split.where().get().parameters());
        assertEquals(aggregate, split.residual().orElseThrow());
        assertFalse(pushdown.canTranslate(aggregate));
    }

    @Test
    void builder_refusesUnknownFactsAndBadIdentifiers() {
        SqlPushdown.Builder b = SqlPushdown.builder(Population.CATALOG, "c.id");
        assertThrows(IllegalArgumentException.class, () -> b.column(FactRef.of("shoeSize"), "c.shoe_size"));
        assertThrows(IllegalArgumentException.class, () -> b.column(Facts.kind(), "c.kind; DROP TABLE x"));
        assertThrows(IllegalArgumentException.class, () -> b.column(Facts.tags(), "c.tags"));
    }
}
