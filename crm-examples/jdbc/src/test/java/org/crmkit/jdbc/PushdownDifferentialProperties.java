package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.crmkit.core.customer.Customer;
import org.crmkit.fixtures.population.SyntheticCustomer;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.SqlPushdown;
import org.crmkit.segmentation.rule.Subject;

/**
 * The differential test of the adapter's SQL pushdown: random rules over the stored profile facts select, from
 * 2,000 synthetic customers (in three time zones) in H2 and in PostgreSQL, exactly the customers the compiled rule
 * selects in memory.
 */
class PushdownDifferentialProperties {
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    static final FactCatalog CATALOG = FactCatalog.installed();
    static final SqlPushdown PUSHDOWN = JdbcStores.pushdown(CATALOG);
    private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

    /** The population, stored once per database. */
    record Loaded(JdbcStores stores, List<Subject> subjects) {
    }

    static Loaded load(String name, java.util.function.Supplier<javax.sql.DataSource> dataSource) {
        return LOADED.computeIfAbsent(name, n -> {
            JdbcStores stores = JdbcStores.open(dataSource.get());
            // Two customers in three live far from UTC, so that the day a profile was created differs by zone.
            List<String> zones = List.of("Pacific/Auckland", "America/Los_Angeles", "UTC");
            List<Customer> people = SyntheticPopulation.of(2026, 2_000, END).stream().map(SyntheticCustomer::customer)
                    .map(c -> c.toBuilder().timeZone(ZoneId.of(zones.get(Math.floorMod(c.id().hashCode(), 3))))
                            .build())
                    .collect(Collectors.toList());
            stores.importCustomers(people);
            // Facts are read from the stored profiles, as a host would read them back.
            List<Subject> subjects = people.stream()
                    .map(c -> Subject.of(stores.customers().findById(c.id()).orElseThrow(), List.of(), END))
                    .collect(Collectors.toList());
            return new Loaded(stores, subjects);
        });
    }

    @Provide
    Arbitrary<Condition> rules() {
        return tree(3);
    }

    private static Arbitrary<Condition> tree(int depth) {
        if (depth == 0) {
            return tests();
        }
        Arbitrary<Condition> below = tree(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, tests()),
                Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.All::new)),
                Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.Any::new)),
                Tuple.of(1, below.map(Condition::not)));
    }

    private static Arbitrary<Condition> tests() {
        List<String> tags = List.of(SyntheticPopulation.PET_OWNER, SyntheticPopulation.YOUNG_FAMILY,
                SyntheticPopulation.MEMBER, "vip");
        return Arbitraries.oneOf(
                Arbitraries.of("person", "organization", "government").map(k -> Facts.kind().eq(k)),
                Arbitraries.of("person", "organization").map(k -> Facts.kind().ne(k)),
                Arbitraries.of("customer", "lapsed", "prospect").map(s -> Facts.lifecycleStage().eq(s)),
                Arbitraries.subsetOf("customer", "lapsed", "former").ofMinSize(1)
                        .map(s -> Facts.lifecycleStage().in(s.toArray(String[]::new))),
                Arbitraries.of(tags).map(t -> Facts.tags().contains(t)),
                Arbitraries.subsetOf(tags).ofMinSize(1).map(t -> Facts.tags().containsAny(t.toArray(String[]::new))),
                Combinators.combine(Arbitraries.integers().between(0, 4 * 365), Arbitraries.of(true, false))
                        .as((days, before) -> {
                            LocalDate d = LocalDate.of(2025, 12, 31).minusDays(days);
                            return before ? Facts.customerSince().before(d) : Facts.customerSince().after(d);
                        }),
                Arbitraries.of("manager-1", "manager-3").map(m -> Facts.accountManager().eq(m)),
                Arbitraries.of(true, false).map(p -> p ? Facts.accountManager().present()
                        : Facts.accountManager().absent()));
    }

    @Property(tries = 200)
    void h2SelectsWhatTheRuleSelects(@ForAll("rules") Condition rule) {
        check(load("h2", Databases::h2), rule);
    }

    static void check(Loaded db, Condition rule) {
        Rule compiled = CATALOG.compile(rule);
        List<String> inMemory = db.subjects().stream().filter(compiled).map(s -> s.customer().id().value())
                .sorted().collect(Collectors.toList());
        SqlPredicate where = PUSHDOWN.translate(rule, END);
        assertEquals(inMemory, db.stores().segments().customerIdsWhere(where), () -> rule + "\n" + where.sql());
    }

    /**
     * Every day of the population's four years as a boundary, before and after: the day a profile was created is
     * the day in the customer's zone, in SQL as in memory (a customer in Los Angeles created at midnight UTC
     * became one the day before).
     */
    @org.junit.jupiter.api.Test
    void customerSinceIsTheDayInTheCustomersZone() {
        Loaded db = load("h2", Databases::h2);
        for (int days = 0; days < 4 * 365; days++) {
            LocalDate d = LocalDate.of(2025, 12, 31).minusDays(days);
            check(db, Facts.customerSince().before(d));
            check(db, Facts.customerSince().after(d));
        }
    }

    /** The same on PostgreSQL, where the test database is given; 200 random rules. */
    @org.junit.jupiter.api.Test
    void postgresSelectsWhatTheRuleSelects() {
        Loaded db = load("postgres", () -> Databases.pooled(Databases.postgres()));
        tree(3).sampleStream().limit(200).forEach(rule -> check(db, rule));
    }
}
