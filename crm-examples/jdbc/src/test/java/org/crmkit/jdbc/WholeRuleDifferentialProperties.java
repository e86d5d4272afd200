package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.fixtures.population.SyntheticCustomer;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.segmentation.analysis.Rfm;
import org.crmkit.segmentation.analysis.SegmentQueries;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.FactType;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.Operator;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.Subject;
import org.crmkit.segmentation.value.GroupedSummaries;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The differential test of whole rules in the database: random rules over every fact the adapter maps (touchpoint
 * aggregates with windows, kinds, channels, categories and brands; consents; typed attributes; preferences; the
 * profile's columns), evaluated at random instants (touchpoints' own instants and whole days after them, consent
 * records' instants) select from 400 customers in three zones, with purchases, visits, refunds in two currencies,
 * amounts of up to seven decimals and histories of grants and withdrawals, exactly the customers the compiled rule
 * selects in memory, in H2, in PostgreSQL and in DuckDB. Operands are often a customer's own value, or a millionth
 * or half a millionth beside it, so rounding and window boundaries are hit.
 */
public class WholeRuleDifferentialProperties {
    public static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    public static final FactCatalog CATALOG = FactCatalog.builder()
            .attribute("household-size", FactType.NUMBER).attribute("region", FactType.TEXT)
            .attribute("has-car", FactType.FLAG).attribute("renewal", FactType.DATE).build();
    private static final PreferenceKey DIET = PreferenceKey.of("food", "diet");
    private static final List<String> DIETS = List.of("vegan", "halal", "kosher");
    private static final List<String> CATEGORIES = List.of("produce", "dairy", "pet-food", "baby", "household");
    private static final List<String> BRANDS = List.of(SyntheticPopulation.NATIONAL, SyntheticPopulation.STORE);
    private static final List<String> KINDS = List.of("purchase", "visit", "refund", "inquiry");
    private static final List<String> CHANNELS = List.of("counter", "web", "email");
    private static final List<String> WINDOWS = List.of("P1D", "P7D", "P30D", "P90D", "P365D");
    public static final Population POPULATION = Population.make(400);

    /** The customers and touchpoints, and the instants worth evaluating at. */
    public record Population(List<Customer> customers, Map<String, List<Touchpoint>> touchpoints,
                             List<Instant> instants) {
        static Population make(int size) {
            SplittableRandom r = new SplittableRandom(19);
            List<String> zones = List.of("Pacific/Auckland", "America/Los_Angeles", "UTC");
            List<Customer> customers = new ArrayList<>();
            Map<String, List<Touchpoint>> touchpoints = new java.util.HashMap<>();
            List<Instant> instants = new ArrayList<>(List.of(END));
            SyntheticPopulation synthetic = SyntheticPopulation.of(2027, Math.max(size, SyntheticPopulation.MIN_SIZE),
                    END);
            for (int i = 0; i < size; i++) {
                SyntheticCustomer s = synthetic.customer(i);
                Customer c = s.customer();
                Customer.Builder b = c.toBuilder().timeZone(ZoneId.of(zones.get(r.nextInt(3))))
                        .consents(consents(r)).preferences(preferences(r));
                if (r.nextInt(4) > 0) {
                    b.putAttribute("household-size", AttributeValue.number(BigDecimal.valueOf(r.nextInt(60), 1)));
                }
                if (r.nextInt(3) > 0) {
                    b.putAttribute("region", r.nextInt(5) == 0 ? AttributeValue.number(3)
                            : AttributeValue.text(List.of("north", "south", "east").get(r.nextInt(3))));
                }
                if (r.nextBoolean()) {
                    b.putAttribute("has-car", AttributeValue.flag(r.nextBoolean()));
                }
                if (r.nextBoolean()) {
                    b.putAttribute("renewal", AttributeValue.date(LocalDate.of(2025, 6, 1).plusDays(r.nextInt(400))));
                }
                Customer customer = b.build();
                List<Touchpoint> tps = new ArrayList<>(s.touchpoints());
                int extra = r.nextInt(8);
                for (int k = 0; k < extra; k++) {
                    tps.add(touchpoint(r, customer, k, tps));
                }
                customers.add(customer);
                touchpoints.put(customer.id().value(), tps);
                // Instants on a touchpoint, a nanosecond before it, and a window's length after it.
                for (Touchpoint t : tps) {
                    if (r.nextInt(10) == 0) {
                        instants.add(t.occurredAt());
                        instants.add(t.occurredAt().minusNanos(1));
                        instants.add(t.occurredAt().plus(Duration.parse(WINDOWS.get(r.nextInt(WINDOWS.size())))));
                    }
                }
                customer.consents().history().stream().filter(x -> r.nextInt(5) == 0)
                        .forEach(x -> instants.add(x.at()));
            }
            instants.removeIf(x -> x.isAfter(END.plus(Duration.ofDays(120))));
            return new Population(customers, touchpoints, List.copyOf(instants));
        }

        private static List<ConsentRecord> consents(SplittableRandom r) {
            List<ConsentRecord> out = new ArrayList<>();
            Instant at = END.minus(Duration.ofDays(400 + r.nextInt(400)));
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                Purpose purpose = r.nextBoolean() ? Purpose.MARKETING : Purpose.PROFILING;
                Channel channel = r.nextInt(4) == 0 ? null : r.nextBoolean() ? Channel.EMAIL : Channel.SMS;
                boolean grant = r.nextInt(3) > 0;
                out.add(new ConsentRecord(purpose, channel, grant ? org.crmkit.core.consent.ConsentStatus.GRANTED
                        : org.crmkit.core.consent.ConsentStatus.WITHDRAWN, at, "test"));
                // Records at the same instant, where a withdrawal wins, now and then.
                if (r.nextInt(4) > 0) {
                    at = at.plus(Duration.ofSeconds(r.nextInt(200 * 86_400), r.nextInt(1_000_000_000)));
                }
            }
            return out;
        }

        private static List<Preference> preferences(SplittableRandom r) {
            List<Preference> out = new ArrayList<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                out.add(Preference.stated(DIET, DIETS.get(r.nextInt(DIETS.size())),
                        r.nextBoolean() ? Polarity.LIKES : Polarity.DISLIKES, END.minus(Duration.ofDays(500 - i))));
            }
            return out;
        }

        private static Touchpoint touchpoint(SplittableRandom r, Customer c, int k, List<Touchpoint> before) {
            Instant at = r.nextInt(6) == 0 && !before.isEmpty() ? before.get(r.nextInt(before.size())).occurredAt()
                    : END.minus(Duration.ofSeconds(r.nextLong(500L * 86_400), r.nextInt(1_000_000_000)));
            String currency = r.nextInt(4) == 0 ? "EUR" : "USD";
            Touchpoint.Builder b = Touchpoint.builder().id(TouchpointId.of(c.id().value() + "-x" + k))
                    .customerId(c.id()).occurredAt(at).channel(Channel.of(CHANNELS.get(r.nextInt(CHANNELS.size()))))
                    .direction(Direction.INBOUND).kind(TouchpointKind.of(KINDS.get(r.nextInt(KINDS.size()))));
            if (r.nextBoolean()) {
                // One in three ends halfway between two millionths, so that averages and weekly spends are ties.
                BigDecimal amount = BigDecimal.valueOf(r.nextLong(20_000_000_000L), 7 - r.nextInt(6));
                b.amount(Money.of(r.nextInt(3) == 0 ? amount.setScale(6, java.math.RoundingMode.DOWN)
                        .add(new BigDecimal("0.0000005")) : amount, currency));
                return b.build();
            }
            int lines = r.nextInt(3);
            List<LineItem> items = new ArrayList<>();
            for (int l = 0; l < lines; l++) {
                String category = CATEGORIES.get(r.nextInt(CATEGORIES.size()));
                items.add(new LineItem(category + "-" + l, category, r.nextInt(5) == 0 ? null
                        : BRANDS.get(r.nextInt(BRANDS.size())), BigDecimal.valueOf(1 + r.nextInt(2_000), r.nextInt(3)),
                        Money.of(BigDecimal.valueOf(r.nextInt(5_000), 2), currency)));
            }
            return b.lineItems(items).build();
        }

        List<Subject> subjects(Instant at) {
            return customers.stream().map(c -> Subject.of(c, touchpoints.get(c.id().value()), at))
                    .collect(Collectors.toList());
        }
    }

    private static final Map<String, SegmentQueries> LOADED_ENGINES = new ConcurrentHashMap<>();

    /** An engine that computes segments where it stores customers and touchpoints. */
    @FunctionalInterface
    public interface Engine {
        /** {@return the engine's queries over the customers and touchpoints, stored in it} */
        SegmentQueries fill(List<Customer> customers, List<Touchpoint> touchpoints);
    }

    /** The population in an engine, loaded once: the adapter's database ("h2", "postgres") or DuckDB. */
    static SegmentQueries load(String name, java.util.function.Supplier<DataSource> dataSource) {
        return loaded(name, (customers, touchpoints) -> fill(name, dataSource.get(), customers, touchpoints));
    }

    /** The population in an engine, loaded once per name. */
    public static SegmentQueries loaded(String name, Engine engine) {
        return LOADED_ENGINES.computeIfAbsent(name, n -> engine.fill(POPULATION.customers(),
                POPULATION.touchpoints().values().stream().flatMap(List::stream).collect(Collectors.toList())));
    }

    /** Stores customers and touchpoints in an engine: DuckDB ("duckdb") or the adapter's database. */
    static SegmentQueries fill(String engine, DataSource dataSource, List<Customer> customers,
                               List<Touchpoint> touchpoints) {
        if (engine.equals("duckdb")) {
            DuckDbSegments db = DuckDbSegments.open(dataSource);
            db.loadCustomers(customers);
            db.loadTouchpoints(touchpoints);
            return db.segments();
        }
        JdbcStores stores = JdbcStores.open(dataSource);
        stores.importCustomers(customers);
        stores.importTouchpoints(touchpoints);
        return stores.segments();
    }

    /** A rule and the instant it is evaluated for. */
    public record Case(Condition rule, Instant at) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return caseArbitrary();
    }

    /** {@return random rules at random instants} */
    public static Arbitrary<Case> caseArbitrary() {
        return Arbitraries.of(POPULATION.instants()).flatMap(at -> tree(3, at).map(rule -> new Case(rule, at)));
    }

    private static Arbitrary<Condition> tree(int depth, Instant at) {
        if (depth == 0) {
            return tests(at);
        }
        Arbitrary<Condition> below = tree(depth - 1, at);
        return Arbitraries.frequencyOf(
                Tuple.of(4, tests(at)),
                Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.All::new)),
                Tuple.of(1, below.list().ofMinSize(1).ofMaxSize(3).map(Condition.Any::new)),
                Tuple.of(1, below.map(Condition::not)));
    }

    private static Arbitrary<Condition> tests(Instant at) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, aggregates().flatMap(f -> numberTest(f, at))),
                Tuple.of(1, Combinators.combine(Arbitraries.of(Purpose.MARKETING, Purpose.PROFILING),
                        Arbitraries.of(Channel.EMAIL, Channel.SMS, Channel.POST), Arbitraries.of(true, false))
                        .as((p, c, v) -> Facts.consent(p, c).eq(v))),
                Tuple.of(1, Arbitraries.of(Polarity.LIKES, Polarity.DISLIKES).flatMap(p -> Arbitraries.subsetOf(DIETS)
                        .ofMinSize(1).map(v -> Facts.preference(DIET, p).containsAny(v.toArray(String[]::new))))),
                Tuple.of(1, numberTest(Facts.attribute("household-size"), at)),
                Tuple.of(1, Arbitraries.of("north", "south", "west").flatMap(v -> Arbitraries.of(
                        Facts.attribute("region").eq(v), Facts.attribute("region").ne(v),
                        Facts.attribute("region").present(), Facts.attribute("region").absent()))),
                Tuple.of(1, Arbitraries.of(Facts.attribute("has-car").isTrue(), Facts.attribute("has-car").isFalse(),
                        Facts.attribute("has-car").absent())),
                Tuple.of(1, Combinators.combine(Arbitraries.of(Operator.LT, Operator.GE, Operator.EQ),
                        Arbitraries.integers().between(0, 400)).as((op, d) -> Facts.attribute("renewal")
                        .test(op, AttributeValue.date(LocalDate.of(2025, 6, 1).plusDays(d))))),
                Tuple.of(1, Arbitraries.of(SyntheticPopulation.PET_OWNER, SyntheticPopulation.MEMBER)
                        .map(t -> Facts.tags().contains(t))),
                Tuple.of(1, Arbitraries.of("customer", "lapsed").map(s -> Facts.lifecycleStage().eq(s))));
    }

    /** The aggregates with random windows and filters. */
    private static Arbitrary<FactRef> aggregates() {
        Arbitrary<String> name = Arbitraries.of(Facts.TOUCHPOINT_COUNT, Facts.SPEND, Facts.WEEKLY_SPEND,
                Facts.AVERAGE_SPEND, Facts.DAYS_SINCE_LAST, Facts.DISTINCT_CATEGORIES, Facts.DISTINCT_BRANDS,
                Facts.BRAND_SHARE);
        return Combinators.combine(name, Arbitraries.of(WINDOWS).injectNull(0.3), Arbitraries.of(KINDS).injectNull(0.6),
                Arbitraries.of(CHANNELS).injectNull(0.7), Arbitraries.of(CATEGORIES).injectNull(0.6),
                Arbitraries.of(BRANDS).injectNull(0.7), Arbitraries.of("USD", "EUR"))
                .as((n, window, kind, channel, category, brand, currency) -> {
                    var def = CATALOG.definition(n).orElseThrow();
                    Map<String, String> p = new java.util.HashMap<>();
                    p.put("currency", currency);
                    p.put("window", window == null ? "P30D" : window);
                    p.put("brand", brand == null ? SyntheticPopulation.NATIONAL : brand);
                    p.put("kind", kind);
                    p.put("channel", channel);
                    p.put("category", category);
                    // Required parameters always; optional ones when drawn.
                    boolean[] drawn = {true, window != null, brand != null, kind != null, channel != null,
                        category != null};
                    List<String> names = List.of("currency", "window", "brand", "kind", "channel", "category");
                    FactRef f = FactRef.of(n);
                    for (int i = 0; i < names.size(); i++) {
                        String k = names.get(i);
                        if (def.required().contains(k) || def.optional().contains(k) && drawn[i] && p.get(k) != null) {
                            f = f.with(k, p.get(k));
                        }
                    }
                    return f;
                });
    }

    /**
     * A test of a number fact: the operand is often some customer's own value at the instant, or a millionth or
     * half a millionth beside it, else a small number.
     */
    private static Arbitrary<Condition> numberTest(FactRef fact, Instant at) {
        List<BigDecimal> seen = seenValues(fact, at);
        Arbitrary<BigDecimal> near = Combinators.combine(Arbitraries.of(seen),
                Arbitraries.of("0", "0.000001", "-0.000001", "0.0000005", "-0.0000005", "1", "-1"))
                .as((v, d) -> v.add(new BigDecimal(d)));
        Arbitrary<BigDecimal> operand = seen.isEmpty() ? Arbitraries.integers().between(0, 10).map(BigDecimal::valueOf)
                : Arbitraries.frequencyOf(Tuple.of(3, near),
                        Tuple.of(1, Arbitraries.integers().between(0, 10).map(BigDecimal::valueOf)));
        return Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(Arbitraries.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE,
                        Operator.GT, Operator.GE), operand)
                        .as((op, v) -> fact.test(op, AttributeValue.number(v)))),
                Tuple.of(1, operand.list().ofMinSize(1).ofMaxSize(3).map(vs -> fact.test(Operator.IN,
                        vs.stream().map(AttributeValue::number).toArray(AttributeValue[]::new)))),
                Tuple.of(1, Arbitraries.of(fact.present(), fact.absent())));
    }

    /** The values the fact takes for the population at the instant, each once. */
    private static List<BigDecimal> seenValues(FactRef fact, Instant at) {
        var reader = CATALOG.definition(fact.name()).orElseThrow().binder().apply(fact.parameters());
        return SUBJECTS.computeIfAbsent(at, POPULATION::subjects).stream().map(reader::read)
                .filter(Objects::nonNull).map(v -> ((BigDecimal) v).stripTrailingZeros()).distinct()
                .collect(Collectors.toList());
    }

    private static final Map<Instant, List<Subject>> SUBJECTS = new ConcurrentHashMap<>();

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void h2SelectsWhatTheRuleSelects(@ForAll("cases") Case c) {
        check(load("h2", Databases::h2), c);
    }

    /** The same on PostgreSQL, where the test database is given; 300 random cases. */
    @Test
    void postgresSelectsWhatTheRuleSelects() {
        SegmentQueries db = load("postgres", () -> Databases.pooled(Databases.postgres()));
        cases().sampleStream().limit(300).forEach(c -> check(db, c));
    }

    /** A rule evaluated at two instants. */
    public record Pair(Condition rule, Instant earlier, Instant at) {
    }

    @Provide
    Arbitrary<Pair> pairs() {
        return pairArbitrary();
    }

    /** {@return random rules at two random instants} */
    public static Arbitrary<Pair> pairArbitrary() {
        return Combinators.combine(caseArbitrary(), Arbitraries.of(POPULATION.instants()))
                .as((c, other) -> other.isAfter(c.at()) ? new Pair(c.rule(), c.at(), other)
                        : new Pair(c.rule(), other, c.at()));
    }

    /** Entries and exits between two instants, computed in H2, equal the diff of two in-memory snapshots. */
    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void h2ChangesAreTheDiffOfTwoSnapshots(@ForAll("pairs") Pair p) {
        checkChanges(load("h2", Databases::h2), p);
    }

    /** The same on PostgreSQL, where the test database is given; 50 random pairs. */
    @Test
    void postgresChangesAreTheDiffOfTwoSnapshots() {
        SegmentQueries db = load("postgres", () -> Databases.pooled(Databases.postgres()));
        pairs().sampleStream().limit(50).forEach(p -> checkChanges(db, p));
    }

    public static void checkChanges(SegmentQueries db, Pair p) {
        Rule compiled = CATALOG.compile(p.rule());
        MembershipSnapshot earlier = new MembershipSnapshot("s", 1, p.earlier(), members(compiled, p.earlier()));
        MembershipSnapshot later = new MembershipSnapshot("s", 1, p.at(), members(compiled, p.at()));
        assertEquals(later.diff(earlier), db.segmentChanges(CATALOG, "s", 1, p.rule(), p.earlier(), p.at()),
                p::toString);
    }

    private static java.util.Set<org.crmkit.core.customer.CustomerId> members(Rule rule, Instant at) {
        return SUBJECTS.computeIfAbsent(at, POPULATION::subjects).stream().filter(rule)
                .map(s -> s.customer().id()).collect(Collectors.toSet());
    }

    /**
     * Operands at the edges of what crmkit accepts (30 digits before the point, 20 after, either sign), with every
     * comparison, on counts, rounded spends, shares and whole days: the bounds worked out from them stay exact.
     * DuckDB and Spark, whose decimals have 38 digits, may refuse such a query instead ({@link #extremes}).
     */
    @Test
    void extremeOperandsAgreeOnH2AndPostgres() {
        checkExtremes(load("h2", Databases::h2));
        checkExtremes(load("postgres", () -> Databases.pooled(Databases.postgres())));
    }

    /** Operands at the edges of what crmkit accepts, with every comparison, agree with memory in an engine. */
    public static void checkExtremes(SegmentQueries db) {
        assertEquals(0, extremes(db, false));
    }

    /** Every fact {@link #extremes} tests. */
    public static final List<FactRef> EXTREME_FACTS = List.of(Facts.touchpointCount(Duration.ofDays(90)),
            Facts.weeklySpend(Duration.ofDays(30), "USD"), Facts.averageSpend(Duration.ofDays(365), "USD"),
            Facts.brandShare(Duration.ofDays(365), "dairy", SyntheticPopulation.NATIONAL),
            Facts.daysSinceLastPurchase(), Facts.spend(Duration.ofDays(90), "USD"));

    /**
     * Operands at the edges of what crmkit accepts, with every comparison, over every fact of
     * {@link #EXTREME_FACTS}: each query selects what memory selects or, where {@code mayRefuse}, fails (an engine
     * whose decimals overflow); never a different selection.
     *
     * @return how many queries the engine refused
     */
    public static int extremes(SegmentQueries db, boolean mayRefuse) {
        return extremes(db, mayRefuse, EXTREME_FACTS);
    }

    /** The same over some facts. */
    public static int extremes(SegmentQueries db, boolean mayRefuse, List<FactRef> facts) {
        int refused = 0;
        List<String> operands = List.of("999999999999999999999999999999.99999999999999999999",
                "-999999999999999999999999999999.99999999999999999999", "0.00000000000000000001",
                "-0.00000000000000000001", "12345.12345678901234567890", "0", "1E+29");
        for (FactRef fact : facts) {
            for (String operand : operands) {
                for (Operator op : List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
                        Operator.GE)) {
                    Case c = new Case(fact.test(op, AttributeValue.number(new BigDecimal(operand))), END);
                    try {
                        check(db, c);
                    } catch (Exception e) { // not the AssertionError of a different selection
                        if (!mayRefuse) {
                            throw e;
                        }
                        refused++;
                    }
                }
            }
        }
        return refused;
    }

    /** RFM scores computed in H2 equal the in-memory quintiles, ties included, at twenty instants. */
    @Test
    void rfmInH2EqualsRfmInMemory() {
        checkRfm(load("h2", Databases::h2));
    }

    /** The same on PostgreSQL, where the test database is given. */
    @Test
    void rfmInPostgresEqualsRfmInMemory() {
        checkRfm(load("postgres", () -> Databases.pooled(Databases.postgres())));
    }

    public static void checkRfm(SegmentQueries db) {
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            Instant at = i == 0 ? END : POPULATION.instants().get(r.nextInt(POPULATION.instants().size()));
            List<Rfm.Input> inputs = SUBJECTS.computeIfAbsent(at, POPULATION::subjects).stream()
                    .flatMap(s -> Rfm.Input.of(s, usd).stream()).collect(Collectors.toList());
            List<Rfm.Score> inMemory = Rfm.score(inputs).stream()
                    .sorted(java.util.Comparator.comparing(x -> x.customerId().value())).collect(Collectors.toList());
            assertEquals(inMemory, db.rfm(CATALOG, at, usd), () -> "at " + at);
            Map<org.crmkit.segmentation.analysis.RfmGroup, Long> groups = SegmentQueries.noGroups();
            inMemory.forEach(x -> groups.merge(x.group(), 1L, Long::sum));
            assertEquals(groups, db.rfmGroups(CATALOG, at, usd), () -> "groups at " + at);
        }
    }

    /**
     * Repeat-purchase summaries grouped in H2 equal those made in memory from the same purchases, at three offsets
     * from UTC, two cut-offs and in days and weeks.
     */
    @Test
    void summariesInH2EqualSummariesInMemory() {
        checkSummaries(load("h2", Databases::h2));
    }

    /** The same on PostgreSQL, where the test database is given. */
    @Test
    void summariesInPostgresEqualSummariesInMemory() {
        checkSummaries(load("postgres", () -> Databases.pooled(Databases.postgres())));
    }

    public static void checkSummaries(SegmentQueries db) {
        List<Touchpoint> purchases = POPULATION.touchpoints().values().stream().flatMap(List::stream)
                .filter(t -> t.kind().equals(TouchpointKind.PURCHASE)).collect(Collectors.toList());
        int checked = 0;
        for (java.time.ZoneOffset offset : List.of(java.time.ZoneOffset.UTC, java.time.ZoneOffset.ofHours(13),
                java.time.ZoneOffset.ofHoursMinutes(-8, -30))) {
            // Amounts do not enter the summaries the models fit, so every purchase counts, in any currency.
            List<Transaction> transactions = purchases.stream().map(t -> new Transaction(t.customerId(),
                    LocalDate.ofInstant(t.occurredAt(), offset), BigDecimal.ZERO)).collect(Collectors.toList());
            for (LocalDate cutoff : List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31))) {
                for (java.time.temporal.ChronoUnit unit : List.of(java.time.temporal.ChronoUnit.DAYS,
                        java.time.temporal.ChronoUnit.WEEKS)) {
                    GroupedSummaries inMemory = GroupedSummaries.of(RepeatSummary.of(transactions, cutoff, unit));
                    GroupedSummaries inSql = db.repeatSummaries(CATALOG, cutoff, unit, offset);
                    assertEquals(inMemory.groups(), inSql.groups(), () -> offset + " " + cutoff + " " + unit);
                    assertEquals(inMemory.customers(), inSql.customers());
                    checked++;
                }
            }
        }
        assertEquals(12, checked);
    }

    /**
     * Values exactly halfway between two millionths, and a hair either side, with every operator at the rounded
     * value and a millionth either side: averages and weekly spends of one purchase, brand shares of two lines.
     */
    @Test
    void roundingBoundariesAgreeOnH2() {
        checkTies("h2", Databases.h2());
    }

    /** The same on PostgreSQL, where the test database is given. */
    @Test
    void roundingBoundariesAgreeOnPostgres() {
        checkTies("postgres", Databases.pooled(Databases.postgres()));
    }

    private static void checkTies(String engine, DataSource dataSource) {
        checkTies((customers, touchpoints) -> fill(engine, dataSource, customers, touchpoints));
    }

    /** Rounding ties in a fresh engine, which this fills with customers of its own. */
    public static void checkTies(Engine engine) {
        List<String> amounts = List.of("10.0000005", "10.0000015", "10.0000025", "7.1234565", "7.1234575",
                "10.00000049999999999999", "10.00000050000000000001", "0.0000005", "0.0000015");
        List<Customer> customers = new ArrayList<>();
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Customer c = Customer.builder().id(org.crmkit.core.customer.CustomerId.of("t" + i))
                    .kind(org.crmkit.core.customer.CustomerKind.PERSON)
                    .name(org.crmkit.core.customer.Name.person("Tie", "Case")).createdAt(END.minus(Duration.ofDays(9)))
                    .build();
            customers.add(c);
            touchpoints.add(Touchpoint.builder().id(TouchpointId.of("t" + i + "-a")).customerId(c.id())
                    .occurredAt(END.minus(Duration.ofHours(12))).channel(Channel.COUNTER).direction(Direction.INBOUND)
                    .kind(TouchpointKind.PURCHASE).amount(Money.of(new BigDecimal(amounts.get(i)), "USD")).build());
            // A share of 1, 3 or 5 units in two million: ties at 0.0000005, 0.0000015 and 0.0000025.
            touchpoints.add(Touchpoint.builder().id(TouchpointId.of("t" + i + "-b")).customerId(c.id())
                    .occurredAt(END.minus(Duration.ofDays(2))).channel(Channel.COUNTER).direction(Direction.INBOUND)
                    .kind(TouchpointKind.PURCHASE).lineItems(List.of(
                            new LineItem("a", "dairy", "national", BigDecimal.valueOf(1 + 2 * (i % 3)),
                                    Money.of("1.00", "USD")),
                            new LineItem("b", "dairy", "store", BigDecimal.valueOf(2_000_000 - 1 - 2 * (i % 3)),
                                    Money.of("1.00", "USD")))).build());
        }
        SegmentQueries db = engine.fill(customers, touchpoints);
        Map<String, List<Touchpoint>> byCustomer = touchpoints.stream()
                .collect(Collectors.groupingBy(t -> t.customerId().value()));
        List<Subject> subjects = customers.stream()
                .map(c -> Subject.of(c, byCustomer.get(c.id().value()), END)).collect(Collectors.toList());
        List<FactRef> facts = List.of(
                FactRef.of(Facts.AVERAGE_SPEND).with("currency", "USD").with("kind", "purchase").with("window", "P1D"),
                Facts.weeklySpend(Duration.ofDays(1), "USD").with("kind", "purchase"),
                Facts.brandShare(Duration.ofDays(30), "dairy", "national"));
        int checked = 0;
        for (FactRef fact : facts) {
            var reader = CATALOG.definition(fact.name()).orElseThrow().binder().apply(fact.parameters());
            for (Subject s : subjects) {
                BigDecimal rounded = (BigDecimal) reader.read(s);
                for (BigDecimal v : List.of(rounded, rounded.add(new BigDecimal("0.000001")),
                        rounded.subtract(new BigDecimal("0.000001")), rounded.add(new BigDecimal("0.0000005")))) {
                    for (Operator op : List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT,
                            Operator.GE)) {
                        Condition rule = fact.test(op, AttributeValue.number(v));
                        Rule compiled = CATALOG.compile(rule);
                        List<String> inMemory = subjects.stream().filter(compiled)
                                .map(x -> x.customer().id().value()).sorted().collect(Collectors.toList());
                        SqlPredicate where = db.pushdownFor(CATALOG).translate(rule, END);
                        assertEquals(inMemory, db.customerIdsWhere(where), () -> rule + "\n" + where.sql());
                        checked++;
                    }
                }
            }
        }
        assertEquals(3 * amounts.size() * 4 * 6, checked);
    }

    /** Whole rules in DuckDB: 100 random cases. */
    @Test
    void duckdbSelectsWhatTheRuleSelects() {
        SegmentQueries db = load("duckdb", Databases::duckdb);
        cases().sampleStream().limit(100).forEach(c -> check(db, c));
    }

    /** Entries and exits in DuckDB: 50 random pairs. */
    @Test
    void duckdbChangesAreTheDiffOfTwoSnapshots() {
        SegmentQueries db = load("duckdb", Databases::duckdb);
        pairs().sampleStream().limit(50).forEach(p -> checkChanges(db, p));
    }

    /** RFM in DuckDB, at twenty instants. */
    @Test
    void rfmInDuckdbEqualsRfmInMemory() {
        checkRfm(load("duckdb", Databases::duckdb));
    }

    /** Summaries grouped in DuckDB. */
    @Test
    void summariesInDuckdbEqualSummariesInMemory() {
        checkSummaries(load("duckdb", Databases::duckdb));
    }

    /** Operands at the edges on DuckDB: answered as memory answers, or refused. */
    @Test
    void extremeOperandsOnDuckdbAreAnsweredRightOrRefused() {
        int refused = extremes(load("duckdb", Databases::duckdb), true);
        assertTrue(refused < 6 * 7 * 6, "DuckDB answered some: " + refused);
    }

    /** Rounding ties in DuckDB. */
    @Test
    void roundingBoundariesAgreeOnDuckdb() {
        checkTies("duckdb", Databases.duckdb());
    }

    public static void check(SegmentQueries db, Case c) {
        Rule compiled = CATALOG.compile(c.rule());
        List<Subject> subjects = SUBJECTS.computeIfAbsent(c.at(), POPULATION::subjects);
        List<String> inMemory = subjects.stream().filter(compiled).map(s -> s.customer().id().value()).sorted()
                .collect(Collectors.toList());
        SqlPredicate where = db.pushdownFor(CATALOG).translate(c.rule(), c.at());
        List<String> inSql = db.customerIdsWhere(where);
        if (!inMemory.equals(inSql)) {
            // Only the customers the two disagree on, with what memory saw of them.
            java.util.Set<String> differ = new java.util.TreeSet<>(inMemory);
            differ.addAll(inSql);
            differ.removeIf(id -> inMemory.contains(id) && inSql.contains(id));
            String seen = subjects.stream().filter(s -> differ.contains(s.customer().id().value()))
                    .limit(3).map(s -> s.customer().id() + " in memory " + compiled.test(s) + ": "
                            + compiled.explain(s).render()).collect(Collectors.joining("\n"));
            assertEquals(inMemory, inSql, () -> c + "\n" + where.sql() + "\n" + where.parameters() + "\n" + seen);
        }
    }
}
