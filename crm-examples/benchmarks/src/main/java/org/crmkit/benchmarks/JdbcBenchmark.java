package org.crmkit.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.jdbc.JdbcStores;
import org.crmkit.fixtures.population.SyntheticCustomer;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.Subject;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference JDBC adapter on embedded H2 (in memory, H2's own connection pool), one thread. Lookups by id of
 * 100,000 synthetic customers, through the adapter alone and through the Caffeine decorator holding every
 * profile; and one segment over 1,000,000 synthetic customers, selected in SQL through the pushdown and evaluated
 * in memory by the compiled rule over profiles already loaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Threads(1)
public class JdbcBenchmark {
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    private static JdbcStores open(String name) {
        return JdbcStores.open(JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    /** 100,000 stored profiles and a random order of ids. */
    @State(Scope.Benchmark)
    public static class Lookups {
        /** How many profiles. */
        @Param("100000")
        public int size;

        CustomerRepository jdbc;
        CustomerRepository cached;
        CustomerId[] ids;
        int next;

        /** Stores the profiles and warms the cache with every one. */
        @Setup(Level.Trial)
        public void setUp() {
            JdbcStores stores = open("lookups");
            jdbc = stores.customers();
            stores.importCustomers(() -> SyntheticPopulation.of(1, size, END).stream()
                    .map(SyntheticCustomer::customer).iterator());
            cached = CachingCustomerRepository.of(jdbc, size);
            SplittableRandom random = new SplittableRandom(42);
            ids = new CustomerId[size];
            for (int i = 0; i < size; i++) {
                ids[i] = CustomerId.of(String.format("c%08d", random.nextInt(size)));
                cached.findById(ids[i]);
            }
        }

        CustomerId nextId() {
            CustomerId id = ids[next];
            next = next + 1 == ids.length ? 0 : next + 1;
            return id;
        }
    }

    /** One segment: pet owners who are customers since before June 2024. */
    static final Condition PET_OWNERS = Condition.all(Facts.tags().contains(SyntheticPopulation.PET_OWNER),
            Facts.lifecycleStage().eq("customer"), Facts.customerSince().before(LocalDate.of(2024, 6, 1)));

    /** A population stored in H2 by the bulk import, and the segment rule translated to SQL. */
    @State(Scope.Benchmark)
    public static class InSql {
        /** How many customers. */
        @Param("1000000")
        public int size;

        JdbcStores stores;
        SqlPredicate where;

        /** Imports the population and translates the rule. */
        @Setup(Level.Trial)
        public void setUp() {
            stores = open("segments");
            stores.importCustomers(() -> SyntheticPopulation.of(2, size, END).stream()
                    .map(SyntheticCustomer::customer).iterator());
            where = JdbcStores.pushdown(FactCatalog.installed()).translate(PET_OWNERS, END);
        }
    }

    /** The same population held in memory as subjects, and the rule compiled. */
    @State(Scope.Benchmark)
    public static class InMemory {
        /** How many customers. */
        @Param("1000000")
        public int size;

        List<Subject> subjects;
        Rule rule;

        /** Builds the subjects and compiles the rule. */
        @Setup(Level.Trial)
        public void setUp() {
            subjects = SyntheticPopulation.of(2, size, END).stream()
                    .map(c -> Subject.of(c.customer(), List.of(), END)).collect(Collectors.toList());
            rule = FactCatalog.installed().compile(PET_OWNERS);
        }
    }

    /** {@return a profile read by id through the adapter} */
    @Benchmark
    public Customer jdbcById(Lookups s) {
        return s.jdbc.findById(s.nextId()).orElseThrow();
    }

    /** {@return a profile read by id through the Caffeine decorator over the adapter} */
    @Benchmark
    public Customer cachedById(Lookups s) {
        return s.cached.findById(s.nextId()).orElseThrow();
    }

    /** {@return the ids of the segment's customers, selected in SQL} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 5)
    public List<String> segmentInSql(InSql s) {
        return s.stores.segments().customerIdsWhere(s.where);
    }

    /** {@return how many customers of the segment the compiled rule finds in memory} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 5, time = 5)
    public long segmentInMemory(InMemory s) {
        return selected(s.subjects, s.rule);
    }

    /** {@return how many subjects the rule selects, in a plain loop: the in-memory side of the SQL benchmarks} */
    static long selected(List<Subject> subjects, Rule rule) {
        long n = 0;
        for (Subject subject : subjects) {
            if (rule.test(subject)) {
                n++;
            }
        }
        return n;
    }
}
