package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

/** Random customers, their touchpoints and random rules over a small fact vocabulary, for the rule properties. */
final class Population {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final List<String> TAGS = List.of("pet-owner", "baby", "vip", "student");
    static final List<String> CATEGORIES = List.of("pet-food", "baby", "pain-relief", "produce");
    static final List<String> BRANDS = List.of("national", "store");
    static final List<String> REGIONS = List.of("north", "south", "east");
    static final FactCatalog CATALOG = FactCatalog.builder()
            .attribute("household-size", FactType.NUMBER)
            .attribute("region", FactType.TEXT)
            .attribute("has-car", FactType.FLAG)
            .build();

    private Population() {
    }

    /** A customer with up to 8 purchases in the last 200 days. */
    static Arbitrary<Subject> subjects() {
        Arbitrary<Customer> customers = Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(8),
                Arbitraries.of(CustomerKind.class),
                Arbitraries.of(LifecycleStage.class),
                Arbitraries.subsetOf(TAGS),
                Arbitraries.integers().between(0, 6).injectNull(0.2),
                Arbitraries.of(REGIONS).injectNull(0.2),
                Arbitraries.of(true, false).injectNull(0.2),
                Arbitraries.of("none", "granted", "withdrawn")).as(Population::customer);
        return customers.flatMap(c -> purchase(c.id()).list().ofMaxSize(8)
                .map(tps -> Subject.of(c, tps, NOW)));
    }

    private static Customer customer(String id, CustomerKind kind, LifecycleStage stage, Set<String> tags,
                                     Integer household, String region, Boolean car, String consent) {
        Customer.Builder b = Customer.builder().id(CustomerId.of("c-" + id)).kind(kind)
                .name(kind == CustomerKind.PERSON ? Name.person("Ann", "Lee") : Name.organization("Acme"))
                .lifecycleStage(stage).tags(tags).createdAt(NOW.minus(Duration.ofDays(400)));
        if (household != null) {
            b.putAttribute("household-size", AttributeValue.number(household));
        }
        if (region != null) {
            b.putAttribute("region", AttributeValue.text(region));
        }
        if (car != null) {
            b.putAttribute("has-car", AttributeValue.flag(car));
        }
        List<ConsentRecord> consents = new ArrayList<>();
        if (!consent.equals("none")) {
            consents.add(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, NOW.minus(Duration.ofDays(300)), "web"));
        }
        if (consent.equals("withdrawn")) {
            consents.add(ConsentRecord.withdraw(Purpose.MARKETING, Channel.EMAIL, NOW.minus(Duration.ofDays(10)),
                    "web"));
        }
        return b.consents(consents).build();
    }

    private static Arbitrary<Touchpoint> purchase(CustomerId owner) {
        Arbitrary<LineItem> line = Combinators.combine(Arbitraries.of(CATEGORIES), Arbitraries.of(BRANDS),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(50, 4000))
                .as((cat, brand, qty, cents) -> LineItem.of(cat + "-" + brand, cat, brand, qty,
                        Money.of(BigDecimal.valueOf(cents, 2), "USD")));
        return Combinators.combine(Arbitraries.integers().between(0, 200 * 24), line.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(10), Arbitraries.of(Channel.WEB, Channel.COUNTER))
                .as((hoursAgo, lines, id, channel) -> Touchpoint.builder().id(TouchpointId.of("t-" + id))
                        .customerId(owner).occurredAt(NOW.minus(Duration.ofHours(hoursAgo))).channel(channel)
                        .direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE).lineItems(lines).build());
    }

    /** Rules of up to four levels over the vocabulary above, every test valid in {@link #CATALOG}. */
    static Arbitrary<Condition> conditions() {
        return tree(3, Population.test());
    }

    private static Arbitrary<Condition> tree(int depth, Arbitrary<Condition> leaf) {
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Condition> below = tree(depth - 1, leaf);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.All::new)),
                net.jqwik.api.Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.Any::new)),
                net.jqwik.api.Tuple.of(1, below.map(Condition::not)));
    }

    static Arbitrary<Condition> test() {
        return Arbitraries.oneOf(storedTests(),
                Arbitraries.integers().between(1, 3).map(n -> Facts.consent(Purpose.MARKETING, Channel.EMAIL).eq(n != 2)),
                Combinators.combine(Arbitraries.of(30, 90, 180), Arbitraries.of(Operator.GE, Operator.LT),
                        Arbitraries.integers().between(0, 4))
                        .as((days, op, n) -> Facts.touchpointCount(Duration.ofDays(days))
                                .test(op, AttributeValue.number(n))),
                Combinators.combine(Arbitraries.of(30, 90), Arbitraries.of(Operator.GE, Operator.LT, Operator.EQ),
                        Arbitraries.integers().between(0, 200))
                        .as((days, op, usd) -> Facts.spend(Duration.ofDays(days), "USD")
                                .test(op, AttributeValue.number(usd))),
                Combinators.combine(Arbitraries.of(90, 180), Arbitraries.of(CATEGORIES), Arbitraries.integers().between(0, 3))
                        .as((days, cat, n) -> Facts.purchasesOf(Duration.ofDays(days), cat).atLeast(n)),
                Combinators.combine(Arbitraries.of(Operator.LE, Operator.GT, Operator.PRESENT),
                        Arbitraries.integers().between(0, 120))
                        .as((op, d) -> op == Operator.PRESENT ? Facts.daysSinceLastPurchase().present()
                                : Facts.daysSinceLastPurchase().test(op, AttributeValue.number(d))));
    }

    /** Tests of facts a database can hold in columns: profile fields, tags and declared attributes. */
    static Arbitrary<Condition> storedTests() {
        return Arbitraries.oneOf(
                Arbitraries.of(LifecycleStage.class).map(s -> Facts.lifecycleStage().eq(lower(s.name()))),
                Arbitraries.subsetOf(LifecycleStage.values()).ofMinSize(1)
                        .map(set -> Facts.lifecycleStage().in(set.stream().map(s -> lower(s.name()))
                                .toArray(String[]::new))),
                Arbitraries.of(CustomerKind.class).map(k -> Facts.kind().ne(lower(k.name()))),
                Arbitraries.of(TAGS).map(t -> Facts.tags().contains(t)),
                Arbitraries.subsetOf(TAGS).ofMinSize(1).map(t -> Facts.tags().containsAny(t.toArray(String[]::new))),
                Combinators.combine(Arbitraries.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
                        Operator.GE), Arbitraries.integers().between(0, 6))
                        .as((op, n) -> Facts.attribute("household-size").test(op, AttributeValue.number(n))),
                Arbitraries.of(Operator.PRESENT, Operator.ABSENT).map(op -> op == Operator.PRESENT
                        ? Facts.attribute("household-size").present() : Facts.attribute("region").absent()),
                Arbitraries.of(REGIONS).map(r -> Facts.attribute("region").eq(r)),
                Arbitraries.of(true, false).map(f -> Facts.attribute("has-car").eq(f)));
    }

    /** Rules over stored facts only. */
    static Arbitrary<Condition> storedConditions() {
        return tree(3, storedTests());
    }

    static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

}
