package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.crmkit.core.CrmException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.kit.ContractFixtures;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Facts;
import org.junit.jupiter.api.Test;

/** Loading into DuckDB: what does not fit its decimals, or clashes, is refused whole, and nothing of it stays. */
class DuckDbSegmentsTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private static Touchpoint purchase(String id, String customer, String amount) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(org.crmkit.core.customer.CustomerId.of(customer))
                .occurredAt(AT.minusSeconds(3_600)).channel(Channel.COUNTER).direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE).amount(Money.of(new BigDecimal(amount), "USD")).build();
    }

    @Test
    void aNumberBeyondDuckDbsDecimalsIsRefusedNamingTheRowAndItsBatchStaysOut() {
        DuckDbSegments db = DuckDbSegments.open(Databases.duckdb());
        db.loadCustomers(List.of(ContractFixtures.customer(1)));
        String customer = ContractFixtures.customer(1).id().value();
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> db.loadTouchpoints(List.of(
                purchase("t1", customer, "12.50"), purchase("t2", customer, "1234567890123456789.5"))));
        assertTrue(e.getMessage().contains("touchpoint t2") && e.getMessage().contains("19 digits before the point"),
                e.getMessage());
        assertFalse(e.getMessage().contains("1234567890123456789"), "the number itself is not repeated");
        var where = DuckDbSegments.pushdown(FactCatalog.installed())
                .translate(Facts.touchpointCount(java.time.Duration.ofDays(1)).atLeast(1), AT);
        assertEquals(List.of(), db.segments().customerIdsWhere(where), "t1 of the refused batch was stored");
        assertEquals(1, db.loadTouchpoints(List.of(purchase("t1", customer, "12.50"))));
        assertEquals(List.of(customer), db.segments().customerIdsWhere(where));
    }

    @Test
    void aClashingIdFailsItsBatchAndTheBatchesBeforeItStay() {
        DuckDbSegments db = DuckDbSegments.open(Databases.duckdb());
        db.loadCustomers(List.of(ContractFixtures.customer(1)));
        assertThrows(CrmException.class, () -> db.loadCustomers(List.of(ContractFixtures.customer(2),
                ContractFixtures.customer(1))));
        var everyone = DuckDbSegments.pushdown(FactCatalog.installed()).translate(Facts.kind().present(), AT);
        assertEquals(List.of(ContractFixtures.customer(1).id().value()), db.segments().customerIdsWhere(everyone));
    }

    @Test
    void numbersWrittenWithANegativeScaleLoad() {
        DuckDbSegments db = DuckDbSegments.open(Databases.duckdb());
        String customer = ContractFixtures.customer(1).id().value();
        db.loadCustomers(List.of(ContractFixtures.customer(1)));
        assertEquals(1, db.loadTouchpoints(List.of(purchase("t1", customer, "1E+3"))));
        var where = DuckDbSegments.pushdown(FactCatalog.installed())
                .translate(Facts.spend(java.time.Duration.ofDays(1), "USD").atLeast(1000), AT);
        assertEquals(List.of(customer), db.segments().customerIdsWhere(where));
    }
}
