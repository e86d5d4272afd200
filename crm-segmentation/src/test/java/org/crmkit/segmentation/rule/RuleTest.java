package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.servicelevel.Selector;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

class RuleTest {
    private static final Instant NOW = Population.NOW;

    private static Customer petOwner(String id, boolean emailConsent) {
        Customer.Builder b = Customer.builder().id(CustomerId.of(id)).name(Name.person("Ann", "Lee"))
                .lifecycleStage(LifecycleStage.CUSTOMER).tags(Set.of("pet-owner"))
                .putAttribute("household-size", AttributeValue.number(3)).createdAt(NOW.minus(Duration.ofDays(900)));
        if (emailConsent) {
            b.consents(List.of(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, NOW.minus(Duration.ofDays(5)),
                    "web")));
        }
        return b.build();
    }

    private static Touchpoint purchase(Customer c, String id, int daysAgo, String category, String brand, int qty,
                                       String unitPrice) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(c.id())
                .occurredAt(NOW.minus(Duration.ofDays(daysAgo))).channel(Channel.COUNTER).direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE)
                .lineItems(List.of(LineItem.of(category + "-" + brand, category, brand, qty, Money.of(unitPrice, "USD"))))
                .build();
    }

    private static Subject subject(Customer c) {
        return Subject.of(c, List.of(purchase(c, c.id().value() + "-1", 10, "pet-food", "national", 2, "12.50"),
                purchase(c, c.id().value() + "-2", 40, "pet-food", "store", 1, "9.00"),
                purchase(c, c.id().value() + "-3", 120, "produce", "store", 3, "2.00")), NOW);
    }

    @Test
    void aggregates_readTheWindowEndingAtTheInstant() {
        Subject s = subject(petOwner("c-1", true));
        assertEquals(BigDecimal.valueOf(2), read(Facts.touchpointCount(Duration.ofDays(90)), s));
        assertEquals(new BigDecimal("34.00"), read(Facts.spend(Duration.ofDays(90), "USD"), s));
        assertEquals(new BigDecimal("40.00"), read(Facts.spend(Duration.ofDays(365), "USD"), s));
        assertEquals(new BigDecimal("2.644444"), read(Facts.weeklySpend(Duration.ofDays(90), "USD"), s));
        assertEquals(new BigDecimal("17.000000"), read(Facts.averageSpend(Duration.ofDays(90), "USD"), s));
        assertEquals(BigDecimal.valueOf(10), read(Facts.daysSinceLastPurchase(), s));
        assertEquals(BigDecimal.valueOf(2), read(Facts.distinctCategories(Duration.ofDays(365)), s));
        assertEquals(BigDecimal.valueOf(2), read(Facts.distinctBrands(Duration.ofDays(365), "pet-food"), s));
        assertEquals(new BigDecimal("0.666667"), read(Facts.brandShare(Duration.ofDays(365), "pet-food", "national"), s));
        assertEquals(BigDecimal.valueOf(1), read(Facts.purchasesOf(Duration.ofDays(365), "produce"), s));
        assertEquals(BigDecimal.ZERO, read(Facts.purchasesOf(Duration.ofDays(90), "produce"), s));
    }

    @Test
    void subject_leavesOutTouchpointsAfterTheInstant() {
        Customer c = petOwner("c-1", true);
        Subject past = Subject.of(c, subject(c).touchpoints(), NOW.minus(Duration.ofDays(30)));
        assertEquals(BigDecimal.valueOf(2), read(Facts.touchpointCount(Duration.ofDays(3650)), past));
        assertEquals(BigDecimal.valueOf(10), read(Facts.daysSinceLastPurchase(), past));
    }

    private static Object read(FactRef fact, Subject s) {
        return Population.CATALOG.reader(fact).read(s);
    }

    @Test
    void explain_showsEveryConditionAndTheValuesSeen() {
        Condition rule = Condition.all(Facts.lifecycleStage().in("customer", "lapsed"),
                Facts.spend(Duration.ofDays(90), "USD").atLeast(100),
                Condition.not(Facts.tags().contains("vip")));
        Explanation e = Population.CATALOG.compile(rule).explain(subject(petOwner("c-1", true)));
        assertFalse(e.held());
        assertEquals("""
                failed: all of
                  held: lifecycleStage in ["customer", "lapsed"] (seen "customer")
                  failed: touchpoints.spend(currency=USD, window=P90D) ge 100 (seen 34)
                  held: not
                    failed: tags contains "vip" (seen ["pet-owner"])
                """, e.render());
        assertEquals(2, e.failedTests().size());
    }

    @Test
    void compile_unknownFact_namesThePath() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> Population.CATALOG
                .compile(Facts.tags().contains("x").and(FactRef.of("shoeSize").atLeast(40))));
        assertEquals("$.all[1].fact", e.path());
        assertTrue(e.getMessage().contains("unknown fact: \"shoeSize\""), e.getMessage());
    }

    @Test
    void compile_operatorOfTheWrongType_isRefused() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> Population.CATALOG.compile(Condition.not(Facts.lifecycleStage().atLeast(3))));
        assertEquals("$.not.op", e.path());
        assertTrue(e.getMessage().contains("operator ge does not apply to text fact lifecycleStage"), e.getMessage());
        InvalidDefinitionException operand = assertThrows(InvalidDefinitionException.class,
                () -> Population.CATALOG.compile(Facts.attribute("household-size").eq("three")));
        assertTrue(operand.getMessage().contains("must be number: \"three\""), operand.getMessage());
    }

    @Test
    void compile_missingOrUnknownParameters_areRefused() {
        assertThrows(InvalidDefinitionException.class,
                () -> Population.CATALOG.compile(FactRef.of(Facts.SPEND).atLeast(1)));
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> Population.CATALOG
                .compile(Facts.tags().with("colour", "red").contains("vip")));
        assertEquals("$.params.colour", e.path());
        InvalidDefinitionException window = assertThrows(InvalidDefinitionException.class, () -> Population.CATALOG
                .compile(FactRef.of(Facts.TOUCHPOINT_COUNT).with("window", "90 days").atLeast(1)));
        assertTrue(window.getMessage().contains("window must be an ISO-8601 duration such as P90D: 90 days"));
    }

    @Test
    void compile_enforcesTheCatalogLimits() {
        FactCatalog small = FactCatalog.builder().limits(3, 2).build();
        Condition deep = Condition.not(Condition.not(Facts.tags().contains("x")));
        assertThrows(InvalidDefinitionException.class, () -> small.compile(deep));
        Condition wide = Condition.any(Facts.tags().contains("a"), Facts.tags().contains("b"),
                Facts.tags().contains("c"));
        assertThrows(InvalidDefinitionException.class, () -> small.compile(wide));
    }

    @Test
    void emptyAllOrAny_isRefused() {
        assertThrows(IllegalArgumentException.class, Condition::any);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read("{\"all\": [{\"fact\": \"tags\", \"op\": \"contains\", \"value\": \"x\"}, "
                        + "{\"any\": []}]}", Condition.class));
        assertEquals("$.all[1].any", e.path());
    }

    @Test
    void json_readsTheDocumentedForm() {
        Condition read = CrmJson.read("""
                {"all": [
                  {"fact": "lifecycleStage", "op": "in", "value": ["customer", "lapsed"]},
                  {"fact": "touchpoints.spend", "params": {"window": "P90D", "currency": "USD"}, "op": "ge", "value": 100},
                  {"not": {"fact": "tags", "op": "contains", "value": "vip"}},
                  {"fact": "customerSince", "op": "lt", "value": {"date": "2025-01-01"}}
                ]}""", Condition.class);
        assertEquals(Condition.all(Facts.lifecycleStage().in("customer", "lapsed"),
                FactRef.of(Facts.SPEND).with("window", "P90D").with("currency", "USD").atLeast(100),
                Condition.not(Facts.tags().contains("vip")),
                Facts.customerSince().before(java.time.LocalDate.of(2025, 1, 1))), read);
    }

    /** A segment or condition inside another document: the reader must leave the rest of it to the caller. */
    record Campaign(List<Segment> segments, Condition guard) {
    }

    @Test
    void json_segmentsAndConditionsInsideAnotherDocumentReadBack() {
        Campaign campaign = new Campaign(List.of(
                Segment.of("pets", "pet food", Facts.tags().contains("pet-owner")),
                Segment.of("lapsed", "win back", Facts.lifecycleStage().eq("lapsed"))),
                Condition.not(Facts.tags().contains("vip")));
        assertEquals(campaign, CrmJson.read(CrmJson.write(campaign), Campaign.class));
    }

    @Test
    void json_problemsNameTheirPath() {
        assertEquals("$.any[0].op", pathOf("{\"any\": [{\"fact\": \"tags\", \"op\": \"has\", \"value\": \"x\"}]}"));
        assertEquals("$.not.colour", pathOf("{\"not\": {\"fact\": \"tags\", \"colour\": 1}}"));
        assertEquals("$.value", pathOf("{\"fact\": \"lifecycleStage\", \"op\": \"in\", \"value\": \"customer\"}"));
        assertEquals("$.value", pathOf("{\"fact\": \"tags\", \"op\": \"present\", \"value\": 1}"));
        assertEquals("$", pathOf("{\"colour\": 1}"));
        assertEquals(32, CrmJson.read(nested(31), Condition.class).depth());
        assertEquals("$" + ".not".repeat(32), pathOf(nested(32)));
    }

    private static String nested(int nots) {
        return "{\"not\": ".repeat(nots) + "{\"fact\": \"tags\", \"op\": \"present\"}" + "}".repeat(nots);
    }

    private static String pathOf(String json) {
        return assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(json, Condition.class)).path();
    }

    @Test
    void segment_forMarketingLeavesOutThoseWithoutConsent() {
        Segment pets = Segment.of("pet-owners", "pet-food offers", Facts.tags().contains("pet-owner"))
                .targeting(Targeting.marketing(Channel.EMAIL));
        CompiledSegment compiled = pets.compile(Population.CATALOG);
        Subject consenting = subject(petOwner("c-1", true));
        Subject silent = subject(petOwner("c-2", false));
        assertTrue(compiled.includes(consenting));
        assertFalse(compiled.includes(silent));
        assertTrue(compiled.includesIgnoringConsent(silent));
        assertEquals(1, compiled.explain(silent).failedTests().size());
        assertEquals(pets, CrmJson.read(CrmJson.write(pets, Segment.class), Segment.class));
    }

    @Test
    void snapshots_diffIntoEnteredAndExited() {
        Segment heavy = Segment.of("heavy", "big spenders", Facts.spend(Duration.ofDays(30), "USD").atLeast(20));
        CompiledSegment compiled = heavy.compile(Population.CATALOG);
        Customer a = petOwner("c-a", true);
        Customer b = petOwner("c-b", true);
        Instant then = NOW.minus(Duration.ofDays(35));
        MembershipSnapshot before = compiled.snapshot(Stream.of(Subject.of(a, subject(a).touchpoints(), then),
                Subject.of(b, List.of(purchase(b, "b-old", 50, "produce", "store", 10, "3.00")), then)), then);
        MembershipSnapshot after = compiled.snapshot(Stream.of(subject(a),
                Subject.of(b, List.of(purchase(b, "b-old", 50, "produce", "store", 10, "3.00")), NOW)), NOW);
        assertEquals(Set.of(b.id()), before.members());
        assertEquals(Set.of(a.id()), after.members());
        MembershipSnapshot.Change change = after.diff(before);
        assertEquals(List.of(new SegmentEvent.Entered(a.id(), "heavy", 1, NOW),
                new SegmentEvent.Exited(b.id(), "heavy", 1, NOW)), change.events());
        assertThrows(IllegalArgumentException.class, () -> before.diff(after));
    }

    @Test
    void contributedFacts_readTheirAttachment() {
        record Tier(String name) {
        }
        FactCatalog withTiers = FactCatalog.builder().add(() -> List.of(FactDefinition.simple("loyalty.tier",
                FactType.TEXT, "the member's tier", s -> s.attachment(Tier.class).map(Tier::name).orElse(null))))
                .build();
        Rule gold = withTiers.compile(FactRef.of("loyalty.tier").eq("gold"));
        Subject s = subject(petOwner("c-1", true));
        assertFalse(gold.test(s));
        assertTrue(gold.test(s.with(Tier.class, new Tier("gold"))));
        assertThrows(IllegalArgumentException.class, () -> FactCatalog.builder()
                .add(FactDefinition.simple("tags", FactType.TEXT, "clash", x -> null)));
    }

    @Test
    void segments_selectWhichServiceLevelStandardsApply() {
        CompiledSegment big = Segment.of("big-household", "households of three or more",
                Facts.attribute("household-size").atLeast(3)).compile(Population.CATALOG);
        CompiledSegment vip = Segment.of("vip", "tagged vip", Facts.tags().contains("vip")).compile(Population.CATALOG);
        Selector fastLane = Selector.touchpoints(TouchpointKind.PURCHASE).inSegments("big-household");
        Subject s = subject(petOwner("c-1", true));
        Set<String> memberships = CompiledSegment.memberships(List.of(big, vip), s);
        assertEquals(Set.of("big-household"), memberships);
        Touchpoint purchase = s.touchpoints().get(0);
        assertTrue(fastLane.matches(purchase, memberships));
        assertFalse(fastLane.matches(purchase));
        assertFalse(Selector.touchpoints(TouchpointKind.PURCHASE).inSegments("vip").matches(purchase, memberships));
        assertTrue(Selector.touchpoints(TouchpointKind.PURCHASE).matches(purchase));
    }

    @Test
    void json_segmentMatchesTheGoldenFile() throws java.io.IOException {
        Segment segment = new Segment("pet-food-offer", 2, "pet owners who shop with us", Condition.all(
                Facts.lifecycleStage().in("customer", "lapsed"),
                Facts.tags().contains("pet-owner"),
                Facts.spend(Duration.ofDays(90), "USD").atLeast(50),
                Condition.not(Facts.customerSince().after(java.time.LocalDate.of(2026, 1, 1))),
                Facts.attribute("household-size").present()),
                java.util.Optional.of(Targeting.marketing(Channel.EMAIL)));
        String golden;
        try (java.io.InputStream in = RuleTest.class.getResourceAsStream("/golden/segment.json")) {
            golden = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
        assertEquals(golden, CrmJson.write(segment, Segment.class));
        assertEquals(segment, CrmJson.read(golden, Segment.class));
        Population.CATALOG.validate(segment.condition());
    }
}
