package org.crmkit.loyalty.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.facts.LoyaltyFacts;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.QualificationPeriod;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.program.Reward;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.Facts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramJsonTest {
    private static final ObjectMapper MAPPER = CrmJson.newMapper();

    static Program airline() {
        return Program.builder("skymiles", "Sky Miles", Currency.getInstance("USD")).unit("miles")
                .zone(ZoneId.of("Asia/Taipei")).rounding(RoundingMode.HALF_UP).softLanding(true)
                .reversalPolicy(ReversalPolicy.NEGATIVE_BALANCE)
                .expiry(ExpiryPolicy.afterEarning(36, ExpiryPolicy.RoundTo.YEAR_END))
                .earningRules(
                        EarningRule.perTouchpoint("flight", TouchpointKind.of("flight"), 1000).qualifying(true)
                                .build(),
                        EarningRule.perSpend("inflight", new BigDecimal("0.5")).categories("duty-free").build(),
                        EarningRule.multiplier("gold-bonus", new BigDecimal("1.5")).tiers("gold")
                                .eligibility(Condition.all(Facts.kind().eq("person"),
                                        LoyaltyFacts.status().eq("active")))
                                .validity(TimeWindow.between(Instant.parse("2026-01-01T00:00:00Z"),
                                        Instant.parse("2027-01-01T00:00:00Z")))
                                .cap(50_000).build())
                .rewards(java.util.List.of(new Reward("upgrade", "One-class upgrade", 15_000)))
                .tiers(Tier.base("blue"), Tier.base("gold", "lounge").withQualifyingPoints(5000)
                        .withActivities(20).withSpend(new BigDecimal("4000.50")))
                .qualification(QualificationPeriod.ROLLING_12_MONTHS).expiryNoticeDays(30).build();
    }

    @Test
    @DisplayName("a program is written as the golden document and read back equal")
    void golden() throws IOException {
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/golden/program.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertEquals(expected, MAPPER.writeValueAsString(airline()).strip());
        assertEquals(airline(), MAPPER.readValue(expected, Program.class));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"qualification\":\"rolling-12-months\"|\"qualification\":\"fiscal\"|$.qualification",
        "\"cost\":15000|\"cost\":-1|$.rewards[0]",
        "\"unit\":\"miles\"|\"unit\":\"miles\",\"colour\":\"red\"|$.colour",
        "\"perTouchpoint\":1000|\"perTouchpoint\":1000,\"multiplier\":2|$.earningRules[0]",
        "\"op\":\"eq\"|\"op\":\"like\"|$.earningRules[2].eligibility"})
    @DisplayName("a broken document is refused naming the JSON path")
    void refusals(String from, String to, String path) {
        String json = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(airline());
        String broken = json.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> MAPPER.readValue(broken, Program.class));
        assertEquals(path, e.path().substring(0, Math.min(e.path().length(), path.length())), e.getMessage());
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<EarningRule> rules = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5000).map(p -> EarningRule.perTouchpoint("visit",
                        TouchpointKind.PURCHASE, p).build()),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100")).ofScale(2)
                        .map(r -> EarningRule.perSpend("visit", r).brands("store").qualifying(true).build()));
        Arbitrary<ExpiryPolicy> expiry = Arbitraries.oneOf(Arbitraries.just(ExpiryPolicy.never()),
                Arbitraries.integers().between(1, 120).map(ExpiryPolicy::afterInactivity),
                Combinators.combine(Arbitraries.integers().between(1, 120),
                        Arbitraries.of(ExpiryPolicy.RoundTo.class)).as(ExpiryPolicy::afterEarning));
        return Combinators.combine(rules, expiry, Arbitraries.of(ReversalPolicy.class),
                Arbitraries.of(QualificationPeriod.class), Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.of(true, false))
                .as((rule, exp, policy, period, threshold, soft) -> Program
                        .builder("p", "Program", Currency.getInstance("EUR")).earningRules(rule).expiry(exp)
                        .reversalPolicy(policy).qualification(period).softLanding(soft)
                        .tiers(Tier.base("base"), Tier.base("top", "gift").withQualifyingPoints(threshold))
                        .build());
    }

    @Test
    @DisplayName("programs inside another document, such as a list, read back equal")
    void nestedInAList() {
        List<Program> programs = List.of(airline(), Program.builder("p", "Program", Currency.getInstance("EUR"))
                .build());
        assertEquals(programs, MAPPER.readValue(MAPPER.writeValueAsString(programs),
                new TypeReference<List<Program>>() { }));
    }

    @Property(tries = 200)
    void roundTrip(@ForAll("programs") Program program) {
        assertEquals(program, MAPPER.readValue(MAPPER.writeValueAsString(program), Program.class));
    }
}
