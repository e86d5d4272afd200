package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A month's spend, summed in a long while it fits, equals the decimal sum started from zero, scale included: amounts
 * of every scale, refunds, and sums past what a long holds.
 */
class SpendSumProperties {

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

    @Example
    void sumsPastWhatALongHolds() {
        sumsAsDecimalsDo(java.util.Collections.nCopies(12, new BigDecimal("9999999999999999.99")));
    }

    @Property(tries = 2_000)
    void sumsAsDecimalsDo(@ForAll("amounts") List<BigDecimal> amounts) {
        Account.Bucket bucket = new Account.Bucket(0);
        BigDecimal expected = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            bucket.add(a);
            expected = expected.add(a);
            assertEquals(expected, bucket.spend(), "after adding " + a.toPlainString());
        }
    }
}
