package org.crmkit.loyalty.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.rule.Condition;
import org.junit.jupiter.api.Test;

/** Numbers beyond crmkit's bounds in programs and rules are refused at once, by field, and never half-accepted. */
class HostileNumbersTest {

    @Test
    void aProgramWithAnAbsurdRateIsRefusedWhileReading() throws IOException {
        String golden = Files.readString(Path.of("src/test/resources/golden/program.json"));
        Program.class.cast(CrmJson.read(golden, Program.class));
        String hostile = golden.replace("\"perSpend\" : \"0.5\"", "\"perSpend\" : \"1e999999999\"");
        InvalidDefinitionException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(hostile, Program.class)));
        assertTrue(e.getMessage().contains("points per unit"), e.getMessage());
    }

    @Test
    void ratesTiersAndMultipliersInCodeAreBoundedToo() {
        BigDecimal huge = new BigDecimal("1e999999999");
        assertThrows(RuleViolationException.class, () -> EarningRule.perSpend("r", huge));
        assertThrows(RuleViolationException.class, () -> EarningRule.multiplier("m", huge));
        assertThrows(RuleViolationException.class, () -> Tier.base("gold").withSpend(huge.negate()));
    }

    @Test
    void aRuleLiteralBeyondTheBoundsIsRefused() {
        String rule = "{\"fact\": \"touchpoints.count\", \"params\": {\"window\": \"P90D\"}, \"op\": \"ge\", "
                + "\"value\": 1e999999999}";
        assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(rule, Condition.class)));
    }
}
