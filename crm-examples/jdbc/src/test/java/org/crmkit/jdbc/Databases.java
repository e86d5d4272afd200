package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, empty databases for the adapter's tests: an H2 database in memory, or a new schema in the PostgreSQL
 * server named by {@value #URL} (a JDBC URL with user and password; {@code .ci/run} starts a throwaway server and
 * sets it). Without that variable the PostgreSQL tests are skipped with a message, unless
 * {@value #REQUIRED} is {@code true}, as it is in CI, where a skip would hide a broken set-up and so fails.
 */
final class Databases {
    static final String URL = "CRMKIT_TEST_POSTGRES_URL";
    static final String REQUIRED = "CRMKIT_REQUIRE_POSTGRES";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static volatile DataSource reused;

    private Databases() {
    }

    /** {@return a new, empty H2 database in memory, kept until the JVM ends} */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:crmkit-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /**
     * A new in-memory DuckDB database whose connections all share it (each is a duplicate of one kept open, as
     * DuckDB's JDBC driver makes a new database per connection to {@code jdbc:duckdb:}).
     *
     * @return the data source
     */
    static DataSource duckdb() {
        try {
            org.duckdb.DuckDBConnection root =
                    (org.duckdb.DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            return new org.duckdb.DuckDBDataSource() {
                @Override
                public Connection getConnection() throws SQLException {
                    return root.duplicate();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("could not start DuckDB: " + e.getMessage(), e);
        }
    }

    /** Why a PostgreSQL variant is skipped. */
    static final String SKIPPED = "PostgreSQL variant skipped: set " + URL
            + " to a JDBC URL (bash .ci/with-postgres COMMAND starts a server and sets it)";

    /** {@return whether a test PostgreSQL server is given} */
    static boolean postgresGiven() {
        String url = System.getenv(URL);
        return url != null && !url.isBlank();
    }

    /** {@return whether the PostgreSQL variants must run, as in CI} */
    static boolean postgresRequired() {
        return Boolean.parseBoolean(System.getenv(REQUIRED));
    }

    /** {@return a new, empty schema in the test PostgreSQL server; skips the test when there is none} */
    static DataSource postgres() {
        String url = System.getenv(URL);
        if (!postgresGiven()) {
            if (postgresRequired()) {
                fail(REQUIRED + " is true but " + URL + " is not set: the PostgreSQL variant must run here");
            }
            Assumptions.abort(SKIPPED);
        }
        String schema = "crmkit_t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a schema in " + URL + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /**
     * A data source behind a small connection pool, closed when the tests end: for tests that run hundreds of
     * queries, each of which would otherwise open a connection to the server.
     *
     * @param dataSource the data source
     * @return the pool
     */
    static DataSource pooled(DataSource dataSource) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(2);
        HikariDataSource ds = new HikariDataSource(pool);
        Runtime.getRuntime().addShutdownHook(new Thread(ds::close));
        return ds;
    }

    /**
     * One schema in the test PostgreSQL server behind a connection pool, migrated once and emptied on every call:
     * for properties whose hundreds of tries would otherwise each create a schema and open a connection per call.
     *
     * @return the emptied schema; skips the test when there is no server
     */
    static synchronized DataSource postgresEmptied() {
        if (reused == null) {
            DataSource ds = pooled(postgres());
            JdbcStores.open(ds);
            reused = ds;
        }
        try (Connection c = reused.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'crm\\_%'"
                    + " AND table_name <> '" + Schema.HISTORY_TABLE + "'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test schema: " + e.getMessage(), e);
        }
        return reused;
    }
}
