package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

class TransactionTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void purchaseTouchpointsBecomeTransactionsOnTheZonesDays_andSummariseLikeAnyOther() {
        List<Touchpoint> touchpoints = List.of(
                touchpoint("t1", "ann", "2026-01-01T10:00:00Z", TouchpointKind.PURCHASE, Money.of("10.00", "USD")),
                // 23:30 UTC is already the next day in Berlin.
                touchpoint("t2", "ann", "2026-01-07T23:30:00Z", TouchpointKind.PURCHASE, Money.of("5.00", "USD")),
                lines("t3", "ann", "2026-01-08T12:00:00Z"),
                touchpoint("t4", "ann", "2026-01-09T12:00:00Z", TouchpointKind.REFUND, Money.of("7.00", "USD")),
                touchpoint("t5", "ann", "2026-01-10T12:00:00Z", TouchpointKind.INQUIRY, null),
                touchpoint("t6", "bob", "2026-01-02T12:00:00Z", TouchpointKind.PURCHASE, null),
                touchpoint("t7", "bob", "2026-01-09T12:00:00Z", TouchpointKind.PURCHASE, null));
        List<Transaction> transactions = Transaction.ofPurchases(touchpoints, USD, BERLIN);
        assertEquals(List.of(
                new Transaction(CustomerId.of("ann"), LocalDate.of(2026, 1, 1), new BigDecimal("10.00")),
                new Transaction(CustomerId.of("ann"), LocalDate.of(2026, 1, 8), new BigDecimal("5.00")),
                new Transaction(CustomerId.of("ann"), LocalDate.of(2026, 1, 8), new BigDecimal("7.00")),
                new Transaction(CustomerId.of("bob"), LocalDate.of(2026, 1, 2), BigDecimal.ZERO),
                new Transaction(CustomerId.of("bob"), LocalDate.of(2026, 1, 9), BigDecimal.ZERO)), transactions);
        assertEquals(List.of(new RepeatSummary(CustomerId.of("ann"), 1, 1.0, 2.0, 12.0), new RepeatSummary(CustomerId.of("bob"), 1, 1.0, 13 / 7.0, 0)),
                RepeatSummary.of(transactions, LocalDate.of(2026, 1, 15), ChronoUnit.WEEKS));
    }

    @Test
    void aPurchaseInAnotherCurrencyIsRefused_byTouchpointAndCurrency() {
        List<Touchpoint> mixed = List.of(
                touchpoint("t1", "ann", "2026-01-01T10:00:00Z", TouchpointKind.PURCHASE, Money.of("10.00", "USD")),
                touchpoint("t2", "ann", "2026-01-02T10:00:00Z", TouchpointKind.PURCHASE, Money.of("9.00", "EUR")));
        assertEquals("purchase t2 is in EUR, not USD", assertThrows(RuleViolationException.class,
                () -> Transaction.ofPurchases(mixed, USD, BERLIN)).getMessage());
    }

    private static Touchpoint touchpoint(String id, String customer, String at, TouchpointKind kind, Money amount) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of(customer))
                .occurredAt(Instant.parse(at)).channel(Channel.WEB).direction(Direction.INBOUND).kind(kind)
                .amount(amount).build();
    }

    private static Touchpoint lines(String id, String customer, String at) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(CustomerId.of(customer))
                .occurredAt(Instant.parse(at)).channel(Channel.COUNTER).direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE)
                .lineItems(List.of(LineItem.of("cd-1", "music", null, 2, Money.of("3.50", "USD")))).build();
    }
}
