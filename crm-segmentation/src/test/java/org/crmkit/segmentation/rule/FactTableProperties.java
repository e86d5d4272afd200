package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;

/**
 * The columnar form selects exactly what per-subject evaluation and the reference interpreter select, for random
 * rules over random customers, and compares numbers exactly whatever their scale or size.
 */
class FactTableProperties {
    private static final Instant NOW = Population.NOW;
    private static final FactCatalog NUMBERS = FactCatalog.builder().attribute("amount", FactType.NUMBER)
            .attribute("born", FactType.DATE).build();

    @Provide
    Arbitrary<Condition> rules() {
        return Population.conditions();
    }

    @Provide
    Arbitrary<List<Subject>> customers() {
        return Population.subjects().list().ofMinSize(0).ofMaxSize(150);
    }

    @Property(tries = 300)
    void theColumnsSelectWhatTheRuleAndTheReferenceSelect(@ForAll("rules") Condition rule,
                                                          @ForAll("customers") List<Subject> customers) {
        FactTable.Builder builder = FactTable.builder(Population.CATALOG, rule);
        customers.forEach(builder::add);
        BitSet columnar = builder.build().select(rule);
        Rule compiled = Population.CATALOG.compile(rule);
        BitSet perSubject = new BitSet();
        BitSet reference = new BitSet();
        for (int i = 0; i < customers.size(); i++) {
            Subject s = customers.get(i);
            perSubject.set(i, compiled.test(s));
            reference.set(i, ReferenceInterpreter.holds(rule, s.customer(), s.touchpoints(), s.at()));
        }
        assertEquals(reference, perSubject, () -> "per subject: " + rule);
        assertEquals(perSubject, columnar, () -> "columnar: " + rule);
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.oneOf(Arbitraries.longs().between(-1_000, 1_000)
                .map(BigInteger::valueOf), Arbitraries.longs().map(BigInteger::valueOf), Arbitraries.bigIntegers()
                        .between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-3, 20)).as(BigDecimal::new);
    }

    @Provide
    Arbitrary<List<BigDecimal>> amounts() {
        return numbers().injectNull(0.15).list().ofMaxSize(100);
    }

    @Provide
    Arbitrary<Operator> comparisons() {
        return Arbitraries.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE,
                Operator.PRESENT, Operator.ABSENT);
    }

    @Property(tries = 500)
    void numbersAreComparedExactlyOnAnyScale(@ForAll("amounts") List<BigDecimal> amounts,
                                             @ForAll("comparisons") Operator op, @ForAll("numbers") BigDecimal bound,
                                             @ForAll boolean boundFromTheColumn) {
        BigDecimal b = boundFromTheColumn && !amounts.isEmpty() && amounts.get(0) != null ? amounts.get(0) : bound;
        Condition rule = op.arity() == 0 ? Facts.attribute("amount").test(op)
                : Facts.attribute("amount").test(op, AttributeValue.number(b));
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Customer.Builder c = Customer.builder().id(CustomerId.of("c-" + i)).name(Name.person("Ann", "Lee"))
                    .createdAt(NOW);
            if (amounts.get(i) != null) {
                c.putAttribute("amount", AttributeValue.number(amounts.get(i)));
            }
            subjects.add(Subject.of(c.build(), List.of(), NOW));
        }
        assertSame(rule, subjects, NUMBERS);
    }

    @Provide
    Arbitrary<List<BigDecimal>> narrowAmounts() {
        return narrow().injectNull(0.15).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<BigDecimal> narrow() {
        return Combinators.combine(Arbitraries.longs().between(-300, 300), Arbitraries.integers().between(0, 2))
                .as(BigDecimal::valueOf);
    }

    /** Values in a narrow range are kept as bit slices: the same answers as the scan and the rule. */
    @Property(tries = 500)
    void narrowNumbersAreComparedExactlyToo(@ForAll("narrowAmounts") List<BigDecimal> amounts,
                                            @ForAll("comparisons") Operator op, @ForAll("narrow") BigDecimal bound) {
        numbersAreComparedExactlyOnAnyScale(amounts, op, bound, false);
    }

    @Property(tries = 200)
    void datesAreComparedByDay(@ForAll("days") List<Integer> days, @ForAll("comparisons") Operator op,
                               @ForAll("day") int bound) {
        Condition rule = op.arity() == 0 ? Facts.attribute("born").test(op)
                : Facts.attribute("born").test(op, AttributeValue.date(LocalDate.ofEpochDay(bound)));
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Customer.Builder c = Customer.builder().id(CustomerId.of("c-" + i)).name(Name.person("Ann", "Lee"))
                    .createdAt(NOW);
            if (days.get(i) != null) {
                c.putAttribute("born", AttributeValue.date(LocalDate.ofEpochDay(days.get(i))));
            }
            subjects.add(Subject.of(c.build(), List.of(), NOW));
        }
        assertSame(rule, subjects, NUMBERS);
    }

    @Provide
    Arbitrary<Integer> day() {
        return Arbitraries.integers().between(-3, 3).map(d -> d + (int) LocalDate.of(1990, 1, 1).toEpochDay());
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return day().injectNull(0.2).list().ofMaxSize(70);
    }

    private static void assertSame(Condition rule, List<Subject> subjects, FactCatalog catalog) {
        FactTable.Builder builder = FactTable.builder(catalog, rule);
        subjects.forEach(builder::add);
        FactTable table = builder.build();
        Rule compiled = catalog.compile(rule);
        BitSet expected = new BitSet();
        for (int i = 0; i < subjects.size(); i++) {
            expected.set(i, compiled.test(subjects.get(i)));
            assertEquals(subjects.get(i).customer().id(), table.id(i));
        }
        assertEquals(expected, table.select(rule), () -> rule.toString());
    }

    @Example
    void aRuleOverAFactTheTableDoesNotHoldIsRefusedNamingIt() {
        FactTable table = FactTable.builder(NUMBERS, Facts.attribute("amount").present()).build();
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> table.select(Condition.all(Facts.attribute("amount").present(), Facts.attribute("born")
                        .present())));
        assertTrue(e.getMessage().contains("fact attribute.born is not held by this table; it holds "
                + "[attribute.amount]"), e.getMessage());
        assertEquals("$.all[1].fact", e.path());
        assertEquals(0, table.size());
        assertEquals(new BitSet(), table.select(Condition.not(Facts.attribute("amount").present())));
        assertEquals(LocalDate.of(2026, 6, 30), LocalDate.ofInstant(NOW, ZoneOffset.UTC));
    }

    @Example
    void aBuiltTableTakesNoMoreCustomers() {
        FactTable.Builder builder = FactTable.builder(NUMBERS, Facts.attribute("amount").present());
        Subject one = Subject.of(Customer.builder().id(CustomerId.of("c-1")).name(Name.person("Ann", "Lee"))
                .createdAt(NOW).putAttribute("amount", AttributeValue.number(5)).build(), List.of(), NOW);
        FactTable table = builder.add(one).build();
        assertThrows(IllegalStateException.class, () -> builder.add(one));
        assertThrows(IllegalStateException.class, builder::build);
        assertEquals(1, table.size());
        assertEquals(BitSet.valueOf(new long[] {1}), table.select(Facts.attribute("amount").atLeast(5)));
        assertThrows(IndexOutOfBoundsException.class, () -> table.id(1));
        InvalidDefinitionException other = assertThrows(InvalidDefinitionException.class,
                () -> table.select(Population.CATALOG.compile(Facts.attribute("household-size").present())));
        assertTrue(other.getMessage().contains("another catalog"), other.getMessage());
    }
}
