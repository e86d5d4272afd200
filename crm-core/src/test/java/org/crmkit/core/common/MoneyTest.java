package org.crmkit.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import com.google.common.testing.EqualsTester;

import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void equality_ignoresTrailingZerosBeyondMinorUnits() {
        new EqualsTester()
                .addEqualityGroup(Money.of("12.5", "USD"), Money.of("12.50", "USD"), Money.of("12.500", "USD"),
                        Money.parse("12.50 USD"))
                .addEqualityGroup(Money.of("12.50", "EUR"))
                .addEqualityGroup(Money.of("1.459", "EUR"))
                .addEqualityGroup(Money.of("100", "JPY"), Money.of("100.0", "JPY"))
                .testEquals();
    }

    @Test
    void text_roundTrips() {
        for (String text : new String[] {"12.50 USD", "-3.00 EUR", "1.459 EUR", "100 JPY", "0.00 GBP"}) {
            assertEquals(text, Money.parse(text).toString());
            assertEquals(Money.parse(text), Money.parse(Money.parse(text).toString()));
        }
    }

    @Test
    void arithmetic_isExactDecimal() {
        Money total = Money.of("0.10", "USD").plus(Money.of("0.20", "USD"));
        assertEquals(Money.of("0.30", "USD"), total);
        assertEquals(Money.of("10.47", "USD"), Money.of("3.49", "USD").times(BigDecimal.valueOf(3)));
        assertTrue(Money.of("1", "USD").minus(Money.of("2", "USD")).isNegative());
    }

    @Test
    void mixingCurrencies_isRefusedNamingBoth() {
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
        assertEquals("currency must match USD: EUR", e.getMessage());
    }

    @Test
    void badText_isRefusedWithTheValue() {
        assertEquals("currency must be an ISO 4217 code: 'XXY'",
                assertThrows(RuleViolationException.class, () -> Money.of("1", "XXY")).getMessage());
        assertEquals("amount must be a decimal number: 'ten'",
                assertThrows(RuleViolationException.class, () -> Money.of("ten", "USD")).getMessage());
        assertEquals("money must be written as '<amount> <currency>': '12.50'",
                assertThrows(RuleViolationException.class, () -> Money.parse("12.50")).getMessage());
        assertEquals("amount must be a decimal number: <masked>",
                assertThrows(RuleViolationException.class, () -> Money.parse("4111-1111-1111-1111 USD")).getMessage());
    }
}
