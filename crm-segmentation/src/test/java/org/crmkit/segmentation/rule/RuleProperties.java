package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.json.CrmJson;

/** What the rule language promises about selection, checked on random rules and random customers. */
class RuleProperties {

    @Provide
    Arbitrary<Condition> rules() {
        return Population.conditions();
    }

    @Provide
    Arbitrary<List<Subject>> customers() {
        return Population.subjects().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void compiledRuleAgreesWithReferenceInterpreter(@ForAll("rules") Condition rule,
                                                    @ForAll("customers") List<Subject> customers) {
        Rule compiled = Population.CATALOG.compile(rule);
        for (Subject s : customers) {
            assertEquals(ReferenceInterpreter.holds(rule, s.customer(), s.touchpoints(), s.at()), compiled.test(s),
                    () -> rule + " for " + s + "\n" + compiled.explain(s).render());
        }
    }

    @Property(tries = 200)
    void explanationAgreesWithTest(@ForAll("rules") Condition rule, @ForAll("customers") List<Subject> customers) {
        Rule compiled = Population.CATALOG.compile(rule);
        for (Subject s : customers) {
            assertEquals(compiled.test(s), compiled.explain(s).held());
        }
    }

    @Property(tries = 200)
    void doubleNegationSelectsTheSame(@ForAll("rules") Condition rule, @ForAll("customers") List<Subject> customers) {
        assertEquals(select(rule, customers), select(Condition.not(Condition.not(rule)), customers));
    }

    @Property(tries = 200)
    void andAndOrAreCommutative(@ForAll("rules") Condition a, @ForAll("rules") Condition b,
                                @ForAll("customers") List<Subject> customers) {
        assertEquals(select(a.and(b), customers), select(b.and(a), customers));
        assertEquals(select(a.or(b), customers), select(b.or(a), customers));
    }

    @Property(tries = 200)
    void notSelectsTheComplement(@ForAll("rules") Condition rule, @ForAll("customers") List<Subject> customers) {
        List<Boolean> yes = select(rule, customers);
        List<Boolean> no = select(Condition.not(rule), customers);
        for (int i = 0; i < yes.size(); i++) {
            assertNotEquals(yes.get(i), no.get(i));
        }
    }

    @Property(tries = 300)
    void jsonRoundTripPreservesTheRuleAndWhatItSelects(@ForAll("rules") Condition rule,
                                                      @ForAll("customers") List<Subject> customers) {
        String json = CrmJson.write(rule, Condition.class);
        Condition back = CrmJson.read(json, Condition.class);
        assertEquals(rule, back);
        assertEquals(select(rule, customers), select(back, customers));
    }

    /** Junctions wider than one generated method, nested: the generated class splits them and decides the same. */
    @Provide
    Arbitrary<Condition> wideRules() {
        Arbitrary<Condition> junction = Arbitraries.lazy(() -> Arbitraries.oneOf(Population.test(),
                Combinators.combine(Arbitraries.of(true, false), Population.test().list().ofMinSize(1).ofMaxSize(40))
                        .as((any, parts) -> any ? new Condition.Any(parts) : new Condition.All(parts))));
        return Combinators.combine(Arbitraries.of(true, false), junction.list().ofMinSize(1).ofMaxSize(20),
                Arbitraries.of(true, false))
                .as((any, parts, negated) -> {
                    Condition c = any ? new Condition.Any(parts) : new Condition.All(parts);
                    return negated ? Condition.not(c) : c;
                });
    }

    @Property(tries = 200)
    void wideRulesAgreeWithReferenceInterpreter(@ForAll("wideRules") Condition rule,
                                                @ForAll("customers") List<Subject> customers) {
        Rule compiled = Population.CATALOG.compile(rule);
        assertTrue(compiled.node().getClass().isHidden(), () -> "not generated: " + compiled.node().getClass());
        for (Subject s : customers) {
            assertEquals(ReferenceInterpreter.holds(rule, s.customer(), s.touchpoints(), s.at()), compiled.test(s),
                    () -> rule + " for " + s);
            assertEquals(compiled.test(s), compiled.explain(s).held());
        }
    }

    @Example
    void theLargestAndDeepestRulesCompileToClasses() {
        List<Condition> flat = new ArrayList<>();
        for (int i = 0; i < FactCatalog.DEFAULT_MAX_CONDITIONS - 1; i++) {
            flat.add(Facts.tags().contains("t" + i));
        }
        Condition wide = new Condition.Any(flat);
        Condition deep = Facts.tags().contains("t7");
        for (int i = 1; i < FactCatalog.DEFAULT_MAX_DEPTH; i++) {
            deep = i % 2 == 0 ? Condition.not(deep) : new Condition.All(List.of(deep));
        }
        List<Subject> customers = Population.subjects().list().ofSize(50).sample();
        for (Condition rule : List.of(wide, deep)) {
            Rule compiled = Population.CATALOG.compile(rule);
            assertTrue(compiled.node().getClass().isHidden());
            for (Subject s : customers) {
                assertEquals(ReferenceInterpreter.holds(rule, s.customer(), s.touchpoints(), s.at()),
                        compiled.test(s));
            }
        }
    }

    @Example
    void aSingleTestNeedsNoClass() {
        assertFalse(Population.CATALOG.compile(Facts.tags().contains("a")).node().getClass().isHidden());
    }

    private static List<Boolean> select(Condition rule, List<Subject> customers) {
        Rule compiled = Population.CATALOG.compile(rule);
        List<Boolean> out = new ArrayList<>();
        customers.forEach(s -> out.add(compiled.test(s)));
        return out;
    }
}
