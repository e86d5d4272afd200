package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Rules built in code meet the limits JSON rules meet, and fail fast instead of overflowing or running long. */
class RuleLimitsTest {
    private static final Duration QUICK = Duration.ofSeconds(1);

    @Test
    void tenThousandNestedNotsAreRefusedAtTheFirstLevelTooManyWithoutOverflowingTheStack() {
        Condition c = Facts.tags().contains("vip");
        for (int i = 1; i < FactCatalog.DEFAULT_MAX_DEPTH; i++) {
            c = Condition.not(c);
        }
        assertEquals(FactCatalog.DEFAULT_MAX_DEPTH, c.depth());
        Condition deepest = c;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            Condition deeper = deepest;
            for (int i = 0; i < 10_000; i++) {
                deeper = Condition.not(deeper);
            }
        });
        assertTrue(e.getMessage().contains("at most 32 deep"), e.getMessage());
    }

    @Test
    void aSharedSubtreeDoubledThirtyTwoTimesIsRefusedInMilliseconds() {
        IllegalArgumentException e = assertTimeoutPreemptively(QUICK, () -> assertThrows(
                IllegalArgumentException.class, () -> {
                    Condition c = Facts.tags().contains("vip");
                    for (int i = 0; i < 32; i++) {
                        c = Condition.all(c, c);
                    }
                }));
        assertTrue(e.getMessage().contains("at most 1000 conditions"), e.getMessage());
    }

    @Test
    void theLargestRuleAllowedCompilesQuickly() {
        Condition c = Facts.tags().contains("vip");
        for (int i = 0; i < 8; i++) {
            c = Condition.any(c, c); // 511 conditions, the tree counted in full
        }
        Condition largest = c;
        assertEquals(511, largest.size());
        assertTimeoutPreemptively(QUICK, () -> FactCatalog.installed().compile(largest));
    }
}
