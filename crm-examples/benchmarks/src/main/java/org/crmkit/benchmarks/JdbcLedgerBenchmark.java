package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.jdbc.JdbcStores;
import org.crmkit.loyalty.ledger.BatchResult;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The points ledger through the JDBC store, beside plain JDBC measured in the same run: one accrual per
 * transaction beside a plain single-row INSERT per transaction, and batches of 100 accruals ({@code postAll})
 * beside a JDBC batch INSERT of 100 rows per transaction, into a table of the ledger's shape with rows of an
 * entry's size. PostgreSQL ({@code -p database=postgres}, the server named by {@code CRMKIT_TEST_POSTGRES_URL}, as
 * {@code .ci/with-postgres} starts one) or embedded H2. 10,000 members, one thread, a pool of 4 connections.
 * Scores are postings (or rows) per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class JdbcLedgerBenchmark {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int MEMBERS = 10_000;
    private static final int BATCH = 100;

    /** {@code h2} or {@code postgres}. */
    @Param("h2")
    public String database;

    private DataSource dataSource;
    private Ledger ledger;
    private MemberNumber[] numbers;
    private long[] sequences;
    private String document;
    private SplittableRandom random;
    private long next;

    /** Opens the database, enrols the members and prepares the plain table. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        dataSource = open(database);
        JdbcStores stores = JdbcStores.open(dataSource);
        ledger = Ledger.builder(LedgerBenchmark.program()).members(stores.members()).store(stores.ledger())
                .clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)).build();
        numbers = new MemberNumber[MEMBERS];
        sequences = new long[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            numbers[i] = MemberNumber.of("M" + (1_000_000 + i));
            ledger.enroll(numbers[i], CustomerId.of("c" + i));
        }
        document = CrmJson.write(ledger.post(accrual(numbers[0], "sample")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE plain_entries (member VARCHAR(200) NOT NULL, sequence BIGINT NOT NULL,"
                    + " idempotency_key VARCHAR(200) NOT NULL, document " + (database.equals("postgres") ? "TEXT"
                    : "CHARACTER LARGE OBJECT") + " NOT NULL, PRIMARY KEY (member, sequence),"
                    + " UNIQUE (member, idempotency_key))");
        }
        random = new SplittableRandom(5);
    }

    static DataSource open(String database) throws SQLException {
        if (database.equals("h2")) {
            return JdbcConnectionPool.create("jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String url = System.getenv("CRMKIT_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set CRMKIT_TEST_POSTGRES_URL (bash .ci/with-postgres java -jar ...)");
        }
        String schema = "bench_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url + "&currentSchema=" + schema);
        pool.setMaximumPoolSize(4);
        return new HikariDataSource(pool);
    }

    /** Closes the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (dataSource instanceof HikariDataSource h) {
            h.close();
        } else if (dataSource instanceof JdbcConnectionPool p) {
            p.dispose();
        }
    }

    private Posting accrual(MemberNumber member, String key) {
        return new Posting.Accrue(member, IdempotencyKey.of(key), 1 + (int) (next % 100), true, T0, "purchase",
                Source.system("bench"));
    }

    /** {@return one accrual, in its own transaction} */
    @Benchmark
    public LedgerEntry post() {
        return ledger.post(accrual(numbers[random.nextInt(MEMBERS)], "p" + next++));
    }

    /**
     * The baseline: one row of an entry's size inserted in its own transaction with plain JDBC.
     *
     * @return rows inserted
     * @throws SQLException when the insert fails
     */
    @Benchmark
    public int plainInsert() throws SQLException {
        int m = random.nextInt(MEMBERS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO plain_entries (member, sequence,"
                    + " idempotency_key, document) VALUES (?, ?, ?, ?)")) {
                p.setString(1, numbers[m].value());
                p.setLong(2, ++sequences[m]);
                p.setString(3, "p" + next++);
                p.setString(4, document);
                int rows = p.executeUpdate();
                c.commit();
                return rows;
            }
        }
    }

    /** {@return a batch of 100 accruals to random members, posted together} */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResult postAll() {
        List<Posting> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(accrual(numbers[random.nextInt(MEMBERS)], "b" + next++));
        }
        return ledger.postAll(batch);
    }

    /**
     * The baseline for batches: 100 rows inserted as one JDBC batch in one transaction.
     *
     * @return the update counts
     * @throws SQLException when the batch fails
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int[] plainBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO plain_entries (member, sequence,"
                    + " idempotency_key, document) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < BATCH; i++) {
                    int m = random.nextInt(MEMBERS);
                    p.setString(1, numbers[m].value());
                    p.setLong(2, ++sequences[m]);
                    p.setString(3, "b" + next++);
                    p.setString(4, document);
                    p.addBatch();
                }
                int[] rows = p.executeBatch();
                c.commit();
                return rows;
            }
        }
    }
}
