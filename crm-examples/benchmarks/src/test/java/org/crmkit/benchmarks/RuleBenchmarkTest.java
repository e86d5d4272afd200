package org.crmkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Keeps the rule benchmarks honest: every engine selects the same customers as the hand-written predicate. */
class RuleBenchmarkTest {
    @Test
    void everyEngineSelectsWhatTheHandWrittenPredicateSelects() {
        RuleBenchmark bench = new RuleBenchmark();
        bench.customers = 5_000;
        bench.setUp();
        long expected = bench.handWritten();
        assertTrue(expected > 100 && expected < 2_000, "selected " + expected);
        assertEquals(expected, bench.crmkit());
        assertEquals(expected, bench.crmkitColumnar());
        assertEquals(expected, bench.spelCompiled());
        assertEquals(expected, bench.mvelCompiled());
        assertEquals(expected, bench.jexl());
        assertEquals(5_000, bench.rfmScoring().size());
    }

    @Test
    void everyEngineSelectsTheSameCustomersByTheirAttributes() {
        AttributeRuleBenchmark bench = new AttributeRuleBenchmark();
        bench.customers = 5_000;
        bench.setUp();
        long expected = bench.handWritten();
        assertTrue(expected > 300 && expected < 2_000, "selected " + expected);
        assertEquals(expected, bench.crmkit());
        assertEquals(expected, bench.crmkitColumnar());
        assertEquals(expected, bench.mvelCompiled());
        assertEquals(expected, bench.spelCompiled());
    }

    @Test
    void theTenMillionCustomerSegmentSelectsWhatTheRuleSelects() {
        ColumnarBenchmark columnar = new ColumnarBenchmark();
        columnar.customers = 3_000;
        columnar.setUp();
        Random random = new Random(10);
        long expected = 0;
        for (int i = 0; i < 3_000; i++) {
            expected += AttributeRuleBenchmark.Plain.random(random).selected() ? 1 : 0;
        }
        assertTrue(expected > 200, "selected " + expected);
        assertEquals(expected, columnar.segment().cardinality());
    }
}
