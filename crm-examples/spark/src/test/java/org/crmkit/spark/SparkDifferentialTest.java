package org.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.crmkit.jdbc.WholeRuleDifferentialProperties;
import org.crmkit.jdbc.WholeRuleDifferentialProperties.Engine;
import org.crmkit.segmentation.analysis.SegmentQueries;
import org.crmkit.segmentation.rule.FactRef;
import org.junit.jupiter.api.Test;

/**
 * The differential test of whole rules, RFM, summaries and segment changes on Spark in local mode, over the same
 * population and random rules as H2, PostgreSQL and DuckDB (crm-jdbc's {@link WholeRuleDifferentialProperties}).
 */
class SparkDifferentialTest {
    private static final Engine SPARK = LocalSpark::load;

    private static SegmentQueries spark() {
        return WholeRuleDifferentialProperties.loaded("spark", SPARK);
    }

    /** Whole rules on Spark: 100 random cases. */
    @Test
    void sparkSelectsWhatTheRuleSelects() {
        SegmentQueries db = spark();
        WholeRuleDifferentialProperties.caseArbitrary().sampleStream().limit(100)
                .forEach(c -> WholeRuleDifferentialProperties.check(db, c));
    }

    /** Entries and exits on Spark: 20 random pairs. */
    @Test
    void sparkChangesAreTheDiffOfTwoSnapshots() {
        SegmentQueries db = spark();
        WholeRuleDifferentialProperties.pairArbitrary().sampleStream().limit(20)
                .forEach(p -> WholeRuleDifferentialProperties.checkChanges(db, p));
    }

    @Test
    void rfmOnSparkEqualsRfmInMemory() {
        WholeRuleDifferentialProperties.checkRfm(spark());
    }

    @Test
    void summariesOnSparkEqualSummariesInMemory() {
        WholeRuleDifferentialProperties.checkSummaries(spark());
    }

    /**
     * Operands at the edges of what crmkit accepts over counts, average spends and brand shares: Spark answers
     * as memory does or refuses the query (its decimals have 38 digits), never selects differently.
     */
    @Test
    void extremeOperandsOnSparkAreAnsweredRightOrRefused() {
        List<FactRef> all = WholeRuleDifferentialProperties.EXTREME_FACTS;
        List<FactRef> facts = List.of(all.get(0), all.get(2), all.get(3));
        int refused = WholeRuleDifferentialProperties.extremes(spark(), true, facts);
        assertTrue(refused < 3 * 7 * 6, "Spark answered some: " + refused);
    }

    @Test
    void roundingBoundariesAgreeOnSpark() {
        WholeRuleDifferentialProperties.checkTies(SPARK);
    }
}
