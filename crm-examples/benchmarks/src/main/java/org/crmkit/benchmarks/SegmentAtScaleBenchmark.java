package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.jdbc.DuckDbSegments;
import org.crmkit.jdbc.JdbcStores;
import org.crmkit.spark.RuleTables;
import org.crmkit.spark.SparkSegments;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.Subject;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataSource;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One segment with two touchpoint aggregates (spent at least 50 USD in 90 days and made at least two purchases in
 * 30 days) over 1,000,000 customers and about 10,000,000 touchpoints: in memory by the compiled rule over subjects
 * the host holds, by hand-written Java over the same objects (the baseline), and whole in PostgreSQL through
 * {@code JdbcStores.pushdown}, in an embedded DuckDB through {@code DuckDbSegments} and in Spark in local mode
 * through {@code SparkSegments}, each run once per iteration. The population is a pure function of the
 * customer's and the touchpoint's index, computed alike in Java and in each engine's SQL, so all hold the same
 * data; each setup checks the selection's size against the formula's own count. In PostgreSQL only the columns the selection reads are real; the documents are
 * placeholders, as the selection reads none.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g"})
public class SegmentAtScaleBenchmark {
    static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    static final Condition RULE = Condition.all(
            Facts.spend(Duration.ofDays(90), "USD").atLeast(50),
            FactRef.of(Facts.TOUCHPOINT_COUNT).with("window", "P30D").with("kind", "purchase").atLeast(2));

    /** {@return how many touchpoints customer {@code i} has: 1 to 19, 10 on average} */
    static int touchpoints(long i) {
        return 1 + (int) (i * 13 % 19);
    }

    /** {@return how long before the end touchpoint {@code j} of customer {@code i} occurred, in seconds} */
    static long before(long i, long j) {
        return (i * 31 + j * 17) % 400 * 86_400 + (i * 7 + j * 3) % 86_400;
    }

    /** {@return whether the touchpoint is a purchase (three in four) rather than a visit} */
    static boolean purchase(long i, long j) {
        return (i + j) % 4 != 0;
    }

    /** {@return a purchase's amount in cents} */
    static long cents(long i, long j) {
        return (i * 7919 + j * 104_729) % 10_000;
    }

    static String id(long i) {
        return String.format("c%08d", i);
    }

    /** The customers the rule selects, by the formula alone. */
    static long expected(int customers) {
        long selected = 0;
        for (long i = 0; i < customers; i++) {
            long spend = 0;
            int recent = 0;
            for (long j = 0; j < touchpoints(i); j++) {
                long s = before(i, j);
                if (purchase(i, j) && s < 90L * 86_400) {
                    spend += cents(i, j);
                }
                if (purchase(i, j) && s < 30L * 86_400) {
                    recent++;
                }
            }
            if (spend >= 5_000 && recent >= 2) {
                selected++;
            }
        }
        return selected;
    }

    /** The population held in memory, as a host that loaded it would hold it. */
    @State(Scope.Benchmark)
    public static class InMemory {
        /** How many customers. */
        @Param("1000000")
        public int customers;

        List<Subject> subjects;
        Rule rule;

        /** Builds the subjects, says the heap they hold, and checks the rule's selection. */
        @Setup(Level.Trial)
        public void setUp() {
            long before = usedHeap();
            subjects = new ArrayList<>(customers);
            Instant created = END.minus(Duration.ofDays(900));
            for (long i = 0; i < customers; i++) {
                Customer c = Customer.builder().id(CustomerId.of(id(i))).kind(CustomerKind.PERSON)
                        .name(Name.person("Ada", "Byron")).createdAt(created).build();
                List<Touchpoint> tps = new ArrayList<>(touchpoints(i));
                for (long j = 0; j < touchpoints(i); j++) {
                    Touchpoint.Builder t = Touchpoint.builder().id(TouchpointId.of(id(i) + "-" + j))
                            .customerId(c.id()).occurredAt(END.minusSeconds(before(i, j))).channel(Channel.COUNTER)
                            .direction(Direction.INBOUND);
                    if (purchase(i, j)) {
                        t.kind(TouchpointKind.PURCHASE).amount(Money.of(BigDecimal.valueOf(cents(i, j), 2), "USD"));
                    } else {
                        t.kind(TouchpointKind.VISIT);
                    }
                    tps.add(t.build());
                }
                subjects.add(Subject.of(c, tps, END));
            }
            System.out.printf("%nheap held by %,d subjects: %,d MB%n", customers, (usedHeap() - before) >> 20);
            rule = FactCatalog.installed().compile(RULE);
            long selected = subjects.stream().filter(rule).count();
            if (selected != expected(customers)) {
                throw new IllegalStateException("the rule selected " + selected + ", the formula "
                        + expected(customers));
            }
        }
    }

    /** The population in PostgreSQL, made there by the same formula, and the rule translated. */
    @State(Scope.Benchmark)
    public static class InPostgres {
        /** How many customers. */
        @Param("1000000")
        public int customers;

        JdbcStores stores;
        SqlPredicate where;

        /** Creates the schema, generates the rows in SQL and checks the selection. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            DataSource db = JdbcLedgerBenchmark.open("postgres");
            stores = JdbcStores.open(db);
            String customer = "'c' || lpad(i::text, 8, '0')";
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO crm_customers (id, version, kind, lifecycle_stage, customer_since, document)"
                        + " SELECT " + customer + ", 1, 'person', 'customer', DATE '2023-08-15', '{}'"
                        + " FROM generate_series(0::bigint, " + (customers - 1) + ") i");
                String purchase = "(i + j) % 4 <> 0";
                try (PreparedStatement p = c.prepareStatement("INSERT INTO crm_touchpoints (id, version, customer_id,"
                        + " at_second, at_nano, document, kind, channel, amount, currency) SELECT " + customer
                        + " || '-' || j, 1, " + customer + ", ? - ((i * 31 + j * 17) % 400 * 86400"
                        + " + (i * 7 + j * 3) % 86400), 0, '{}', CASE WHEN " + purchase + " THEN 'purchase' ELSE"
                        + " 'visit' END, 'counter', CASE WHEN " + purchase + " THEN ((i * 7919 + j * 104729) % 10000)"
                        + " / 100.0 END, CASE WHEN " + purchase + " THEN 'USD' END FROM generate_series(0::bigint, "
                        + (customers - 1) + ") i CROSS JOIN generate_series(0::bigint, 18) j"
                        + " WHERE j < 1 + i * 13 % 19")) {
                    p.setLong(1, END.getEpochSecond());
                    p.executeUpdate();
                }
                s.execute("ANALYZE");
            }
            where = JdbcStores.pushdown(FactCatalog.installed()).translate(RULE, END);
            long selected = stores.segments().customerIdsWhere(where).size();
            if (selected != expected(customers)) {
                throw new IllegalStateException("SQL selected " + selected + ", the formula " + expected(customers));
            }
        }
    }

    /** The population in an embedded DuckDB, made there by the same formula, and the rule translated. */
    @State(Scope.Benchmark)
    public static class InDuckDb {
        /** How many customers. */
        @Param("1000000")
        public int customers;

        DuckDbSegments duck;
        SqlPredicate where;

        /** Generates the rows in DuckDB's SQL and checks the selection. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            DataSource db = new DuckDBDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    return root.duplicate();
                }
            };
            duck = DuckDbSegments.open(db);
            String customer = "'c' || lpad(CAST(i AS VARCHAR), 8, '0')";
            String purchase = "(i + j) % 4 <> 0";
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO crm_customers (id, kind, lifecycle_stage, customer_since) SELECT " + customer
                        + ", 'person', 'customer', DATE '2023-08-15' FROM range(0, " + customers + ") t(i)");
                s.execute("INSERT INTO crm_touchpoints (id, customer_id, at_second, at_nano, kind, channel, amount,"
                        + " currency) SELECT " + customer + " || '-' || j, " + customer + ", "
                        + END.getEpochSecond() + " - ((i * 31 + j * 17) % 400 * 86400 + (i * 7 + j * 3) % 86400), 0,"
                        + " CASE WHEN " + purchase + " THEN 'purchase' ELSE 'visit' END, 'counter', CASE WHEN "
                        + purchase + " THEN ((i * 7919 + j * 104729) % 10000) * 0.01 END, CASE WHEN " + purchase
                        + " THEN 'USD' END FROM range(0, " + customers + ") t(i), range(0, 19) u(j)"
                        + " WHERE j < 1 + i * 13 % 19");
            }
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery("SELECT SUM(memory_usage_bytes) FROM duckdb_memory()")) {
                r.next();
                System.out.printf("%nDuckDB's own memory after the load: %,d MB%n", r.getLong(1) >> 20);
            }
            where = DuckDbSegments.pushdown(FactCatalog.installed()).translate(RULE, END);
            long selected = duck.segments().customerIdsWhere(where).size();
            if (selected != expected(customers)) {
                throw new IllegalStateException("DuckDB selected " + selected + ", the formula "
                        + expected(customers));
            }
        }
    }

    /**
     * The population as Parquet for Spark in local mode on every core, made by Spark SQL from the same formula,
     * and the rule translated. Spark runs in the benchmark's JVM: its heap after the load is reported.
     */
    @State(Scope.Benchmark)
    public static class InSpark {
        /** How many customers. */
        @Param("1000000")
        public int customers;

        SparkSession spark;
        SparkSegments segments;
        SqlPredicate where;

        /** Writes the tables, registers them and checks the selection. */
        @Setup(Level.Trial)
        public void setUp() throws java.io.IOException {
            spark = SparkSession.builder().master("local[*]").appName("crmkit-benchmark")
                    .config(SparkSegments.PRECISION_LOSS, "false")
                    .config(SparkSegments.CONSTRAINT_PROPAGATION, "false").config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "8").getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            String dir = java.nio.file.Files.createTempDirectory("crmkit-spark-").resolve("tables").toString();
            RuleTables.write(spark, List.of(), List.of(), dir); // every table, empty
            String customer = "concat('c', lpad(CAST(i AS STRING), 8, '0'))";
            String purchase = "(i + j) % 4 <> 0";
            spark.sql("SELECT " + customer + " AS id, 'person' AS kind, 'customer' AS lifecycle_stage,"
                    + " CAST(NULL AS STRING) AS account_manager, DATE '2023-08-15' AS customer_since"
                    + " FROM (SELECT id AS i FROM range(0, " + customers + "))")
                    .write().mode(SaveMode.Overwrite).parquet(dir + "/crm_customers");
            spark.sql("SELECT concat(" + customer + ", '-', CAST(j AS STRING)) AS id, " + customer
                    + " AS customer_id, CAST(" + END.getEpochSecond() + " - ((i * 31 + j * 17) % 400 * 86400"
                    + " + (i * 7 + j * 3) % 86400) AS BIGINT) AS at_second, 0 AS at_nano, CASE WHEN " + purchase
                    + " THEN 'purchase' ELSE 'visit' END AS kind, 'counter' AS channel, CASE WHEN " + purchase
                    + " THEN CAST(((i * 7919 + j * 104729) % 10000) / 100.0 AS DECIMAL(38, 20)) END AS amount,"
                    + " CASE WHEN " + purchase + " THEN 'USD' END AS currency FROM (SELECT id AS i FROM range(0, "
                    + customers + ")) CROSS JOIN (SELECT id AS j FROM range(0, 19)) WHERE j < 1 + i * 13 % 19")
                    .write().mode(SaveMode.Overwrite).parquet(dir + "/crm_touchpoints");
            RuleTables.register(spark, dir);
            segments = SparkSegments.over(spark);
            where = segments.pushdownFor(FactCatalog.installed()).translate(RULE, END);
            long selected = segments.customerIdsWhere(where).size();
            if (selected != expected(customers)) {
                throw new IllegalStateException("Spark selected " + selected + ", the formula "
                        + expected(customers));
            }
            System.out.printf("%nheap of the JVM running Spark after the load: %,d MB%n", usedHeap() >> 20);
        }

        /** Stops Spark. */
        @TearDown(Level.Trial)
        public void tearDown() {
            spark.stop();
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** {@return the customers the compiled rule selects in memory} */
    @Benchmark
    public long inMemory(InMemory s) {
        return JdbcBenchmark.selected(s.subjects, s.rule);
    }

    /** {@return the same, by a loop written for this one rule: the baseline} */
    @Benchmark
    public long handWritten(InMemory s) {
        Instant spendFrom = END.minus(Duration.ofDays(90));
        Instant countFrom = END.minus(Duration.ofDays(30));
        BigDecimal fifty = BigDecimal.valueOf(50);
        long n = 0;
        for (Subject subject : s.subjects) {
            BigDecimal spend = BigDecimal.ZERO;
            int recent = 0;
            for (Touchpoint t : subject.touchpoints()) {
                if (t.kind().equals(TouchpointKind.PURCHASE)) {
                    if (t.occurredAt().isAfter(spendFrom) && t.amount().isPresent()) {
                        spend = spend.add(t.amount().get().amount());
                    }
                    if (t.occurredAt().isAfter(countFrom)) {
                        recent++;
                    }
                }
            }
            if (spend.compareTo(fifty) >= 0 && recent >= 2) {
                n++;
            }
        }
        return n;
    }

    /** {@return the customers DuckDB selects for the translated rule, ids read} */
    @Benchmark
    public int inDuckDb(InDuckDb s) {
        return s.duck.segments().customerIdsWhere(s.where).size();
    }

    /** {@return the customers Spark selects for the translated rule, ids read} */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
        "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
        "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
        "-Dio.netty.tryReflectionSetAccessible=true"})
    public int inSpark(InSpark s) {
        return s.segments.customerIdsWhere(s.where).size();
    }

    /** {@return the customers PostgreSQL selects for the translated rule, ids read} */
    @Benchmark
    public int inPostgres(InPostgres s) {
        return s.stores.segments().customerIdsWhere(s.where).size();
    }
}
