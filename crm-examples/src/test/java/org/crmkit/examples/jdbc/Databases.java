package org.crmkit.examples.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

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

    private Databases() {
    }

    /** {@return a new, empty H2 database in memory, kept until the JVM ends} */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:crmkit-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** {@return a new, empty schema in the test PostgreSQL server; skips the test when there is none} */
    static DataSource postgres() {
        String url = System.getenv(URL);
        if (url == null || url.isBlank()) {
            if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                fail(REQUIRED + " is true but " + URL + " is not set: the PostgreSQL variant must run here");
            }
            Assumptions.abort("PostgreSQL variant skipped: set " + URL
                    + " to a JDBC URL (bash .ci/run starts a server and sets it)");
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
}
