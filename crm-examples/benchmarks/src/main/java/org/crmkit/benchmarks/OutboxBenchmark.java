package org.crmkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.jdbc.JdbcStores;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the transactional outbox costs a write: a touchpoint recorded through the facade on embedded H2, with the
 * adapter's outbox and transactions (the touchpoint and its event in one transaction, the event removed once
 * delivered) and with the in-memory outbox (the touchpoint in its own transaction, the event not durable), beside a
 * plain JDBC INSERT of one row per transaction, measured in the same run. One thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Threads(1)
public class OutboxBenchmark {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    /** A database with one customer, and the facades over it. */
    @State(Scope.Benchmark)
    public static class Database {
        JdbcConnectionPool pool;
        Crm durable;
        Crm inMemoryOutbox;
        Customer customer;
        long next;

        /** Opens the database and stores the customer. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            pool = JdbcConnectionPool.create("jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1", "sa", "");
            JdbcStores stores = JdbcStores.open(pool);
            durable = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints())
                    .cases(stores.cases()).outbox(stores.outbox()).transactions(stores.transactions()).build();
            inMemoryOutbox = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints())
                    .cases(stores.cases()).build();
            customer = durable.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
            try (Connection c = pool.getConnection()) {
                c.createStatement().execute("CREATE TABLE plain_rows (id VARCHAR(200) PRIMARY KEY, "
                        + "customer_id VARCHAR(200) NOT NULL, document CHARACTER LARGE OBJECT NOT NULL)");
            }
        }

        /** Closes the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            pool.dispose();
        }

        Touchpoint nextPurchase() {
            long n = next++;
            return Touchpoint.builder().id(TouchpointId.of("tp-" + n)).customerId(customer.id())
                    .occurredAt(T.plusSeconds(n)).channel(Channel.WEB).direction(Direction.INBOUND)
                    .kind(TouchpointKind.PURCHASE).amount(Money.parse("12.50 USD")).build();
        }
    }

    /** {@return the touchpoint, stored with its event in the adapter's outbox in one transaction} */
    @Benchmark
    public Touchpoint recordWithOutbox(Database db) {
        return db.durable.recordTouchpoint(db.nextPurchase());
    }

    /** {@return the touchpoint, stored in its own transaction; its event waits in memory} */
    @Benchmark
    public Touchpoint recordWithInMemoryOutbox(Database db) {
        return db.inMemoryOutbox.recordTouchpoint(db.nextPurchase());
    }

    /**
     * The baseline: one row of about a touchpoint's size inserted in its own transaction with plain JDBC.
     *
     * @param db the database
     * @return rows inserted
     * @throws SQLException when the insert fails
     */
    @Benchmark
    public int plainInsert(Database db) throws SQLException {
        long n = db.next++;
        try (Connection c = db.pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO plain_rows (id, customer_id, document) VALUES (?, ?, ?)")) {
                p.setString(1, "row-" + n);
                p.setString(2, db.customer.id().value());
                p.setString(3, "{\"format\":1,\"id\":\"tp-" + n + "\",\"customerId\":\"" + db.customer.id().value()
                        + "\",\"occurredAt\":\"2026-03-02T09:00:00Z\",\"channel\":\"web\",\"direction\":\"inbound\","
                        + "\"kind\":\"purchase\",\"amount\":\"12.50 USD\",\"version\":1}");
                int rows = p.executeUpdate();
                c.commit();
                return rows;
            }
        }
    }
}
