package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;

/**
 * A month's spend, summed in a long while it fits, equals the decimal sum started from zero, scale included: amounts
 * of every scale, refunds, and sums past what a long holds.
 */
class SpendSumProperties {
    private static final int MONTH = 2026 * 12;

    @Provide
    Arbitrary<List<BigDecimal>> amounts() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(
                Arbitraries.longs().between(-100_000, 100_000).map(BigInteger::valueOf),
                // 18 digits: still summed as a long, and a few of them pass what a long holds
                Arbitraries.longs().between(900_000_000_000_000_000L, 999_999_999_999_999_999L)
                        .map(BigInteger::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(17).negate(), BigInteger.TEN.pow(19)));
        Arbitrary<Integer> scale = Arbitraries.frequency(
                Tuple.of(8, 2), Tuple.of(2, 1), Tuple.of(2, 0), Tuple.of(1, 3), Tuple.of(1, 7),
                Tuple.of(1, -2));
        return Combinators.combine(unscaled, scale).as(BigDecimal::new).list().ofMaxSize(30);
    }

    /**
     * Months made out of order, each summed on its own: a month inserted before others moves their sums, those
     * past a long included.
     */
    @Property(tries = 300)
    void sumsEachMonthApart(@ForAll("amounts") List<BigDecimal> amounts, @ForAll("months") List<Integer> months) {
        Account account = new Account(MemberNumber.of("M-1"), ZoneOffset.UTC, Set.of(), new InMemoryLedgerStore());
        Map<Integer, BigDecimal> expected = new TreeMap<>();
        for (int k = 0; k < amounts.size(); k++) {
            int month = months.get(k % months.size());
            account.addSpend(month, amounts.get(k));
            expected.merge(month, BigDecimal.ZERO.add(amounts.get(k)), BigDecimal::add); // a sum starts at zero
        }
        expected.forEach((month, sum) -> assertEquals(sum, account.spendIn(month), "month " + month));
        assertEquals(BigDecimal.ZERO, account.spendIn(-1));
    }

    @Provide
    Arbitrary<List<Integer>> months() {
        return Arbitraries.integers().between(24_300, 24_340).list().ofMinSize(1).ofMaxSize(12);
    }

    @Example
    void sumsPastWhatALongHolds() {
        sumsAsDecimalsDo(java.util.Collections.nCopies(12, new BigDecimal("9999999999999999.99")));
    }

    @Property(tries = 2_000)
    void sumsAsDecimalsDo(@ForAll("amounts") List<BigDecimal> amounts) {
        Account account = new Account(MemberNumber.of("M-1"), ZoneOffset.UTC, Set.of(), new InMemoryLedgerStore());
        BigDecimal expected = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            account.addSpend(MONTH, a);
            expected = expected.add(a);
            assertEquals(expected, account.spendIn(MONTH), "after adding " + a.toPlainString());
        }
    }
}
