package org.crmkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keeps the rule benchmark honest: every engine selects the same customers as the hand-written predicate. */
class RuleBenchmarkTest {
    @Test
    void everyEngineSelectsWhatTheHandWrittenPredicateSelects() {
        RuleBenchmark bench = new RuleBenchmark();
        bench.customers = 5_000;
        bench.setUp();
        long expected = bench.handWritten();
        assertTrue(expected > 100 && expected < 2_000, "selected " + expected);
        assertEquals(expected, bench.crmkit());
        assertEquals(expected, bench.spelCompiled());
        assertEquals(expected, bench.mvelCompiled());
        assertEquals(expected, bench.jexl());
        assertEquals(5_000, bench.rfmScoring().size());
    }
}
