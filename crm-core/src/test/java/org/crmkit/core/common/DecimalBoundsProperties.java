package org.crmkit.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.json.CrmJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every number crmkit accepts can be written and read back; every other is refused at once, by field and size,
 * never by its digits. Numbers are drawn with exponents far beyond the bounds as well as at them.
 */
class DecimalBoundsProperties {
    private static final Duration QUICK = Duration.ofSeconds(1);

    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(70).negate(), BigInteger.TEN.pow(70)).edgeCases(c -> c.includeOnly());
        Arbitrary<Integer> scale = Arbitraries.oneOf(Arbitraries.integers().between(-40, 40),
                Arbitraries.integers().between(Integer.MIN_VALUE + 1, Integer.MAX_VALUE));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    @Property(tries = 500)
    void anAttributeNumberIsRefusedByFieldOrWrittenAndReadBack(@ForAll("anyDecimal") BigDecimal n) throws IOException {
        Customer golden = CrmJson.read(Files.readString(Path.of("src/test/resources/golden/customer.json")),
                Customer.class);
        AttributeValue value;
        try {
            value = AttributeValue.number(n);
        } catch (RuleViolationException e) {
            assertTrue(e.getMessage().startsWith("attribute number must have at most"), e.getMessage());
            assertFalse(n.precision() >= 13 && e.getMessage().contains(n.unscaledValue().abs().toString()),
                    "the message repeats the digits: " + e.getMessage());
            return;
        }
        Customer with = golden.toBuilder().attributes(Map.of("n", value)).build();
        Customer back = assertTimeoutPreemptively(QUICK, () -> CrmJson.read(CrmJson.write(with), Customer.class));
        assertEquals(with, back);
    }

    @Property(tries = 500)
    void moneyIsRefusedByFieldOrWrittenAndReadBack(@ForAll("anyDecimal") BigDecimal n) {
        Money money;
        try {
            money = Money.of(n, "USD");
        } catch (RuleViolationException e) {
            assertTrue(e.getMessage().startsWith("amount must have at most"), e.getMessage());
            return;
        }
        Money back = assertTimeoutPreemptively(QUICK, () -> CrmJson.read(CrmJson.write(money), Money.class));
        assertEquals(money, back);
        assertEquals(money, Money.parse(money.toString()));
    }

    @Example
    void theLargestAndFinestAcceptedNumbersRoundTrip() {
        BigDecimal largest = new BigDecimal("9".repeat(Decimals.MAX_INTEGER_DIGITS) + "."
                + "9".repeat(Decimals.MAX_FRACTION_DIGITS));
        assertEquals(AttributeValue.number(largest),
                CrmJson.read(CrmJson.write(AttributeValue.number(largest), AttributeValue.class), AttributeValue.class));
        assertThrows(RuleViolationException.class, () -> AttributeValue.number(largest.movePointRight(1)));
        assertThrows(RuleViolationException.class, () -> AttributeValue.number(largest.movePointLeft(1)));
    }

    @Example
    void aHugeExponentInADocumentIsRefusedWhileReadingNotWhenWriting() throws IOException {
        String golden = Files.readString(Path.of("src/test/resources/golden/customer.json"));
        for (String hostile : new String[] {"1e999999999", "1e1000000", "-1E+2147483647", "1e-999999999"}) {
            String document = golden.replaceFirst("\"attributes\" : \\{", "\"attributes\" : { \"n\" : " + hostile
                    + ",");
            InvalidDefinitionException e = assertTimeoutPreemptively(QUICK,
                    () -> assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(document, Customer.class)));
            assertTrue(e.getMessage().contains("attribute number"), e.getMessage());
        }
    }
}
