package org.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

/**
 * The adapter's schema, created and upgraded by versioned SQL scripts ({@code V1__core.sql}, {@code V2__loyalty.sql},
 * in the jar under {@code org/crmkit/jdbc/}). Hosts whose own migration tool owns the schema take the scripts from
 * {@link #scripts(Dialect)}, or run the files themselves: Flyway reads them as they are, with its placeholders
 * {@code id} and {@code document} set to the dialect's types ({@link Dialect#idType()},
 * {@link Dialect#documentType()}), and then {@link JdbcStores#attach} runs no DDL. Each script runs once, in its own
 * transaction, and is recorded in {@code crm_schema_version}. On PostgreSQL a script that fails leaves no trace, so
 * the migration can be run again; H2 commits each DDL statement at once.
 */
public final class Schema {
    /** The scripts in the order they apply. */
    static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__loyalty.sql");

    private Schema() {
    }

    /**
     * Brings a database up to the newest schema version. Safe to call on every start and from several processes:
     * a script another process applied meanwhile is skipped.
     *
     * @param dataSource the database
     * @return the schema version now in place
     * @throws org.crmkit.core.CrmException when a script fails
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            Dialect dialect = Dialect.of(dataSource);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS crm_schema_version (version INTEGER PRIMARY KEY,"
                        + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
            }
            for (int i = 0; i < SCRIPTS.size(); i++) {
                apply(dataSource, dialect, i + 1, SCRIPTS.get(i));
            }
            return version(dataSource);
        } catch (SQLException e) {
            throw Jdbc.failure("migrating the schema", e);
        }
    }

    /**
     * The migration scripts for a dialect, in the order they apply, with the dialect's types put in: for a host's
     * own migration tool (Flyway, Liquibase) or a DBA's review.
     *
     * @param dialect the database's dialect
     * @return script file name to SQL text, oldest first
     */
    public static Map<String, String> scripts(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        Map<String, String> scripts = new LinkedHashMap<>();
        for (String script : SCRIPTS) {
            scripts.put(script, dialect.expand(read(script)));
        }
        return Collections.unmodifiableMap(scripts);
    }

    /**
     * The schema version of a database.
     *
     * @param dataSource the database
     * @return the highest applied version, 0 for none
     * @throws SQLException when the database cannot be read
     */
    public static int version(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM crm_schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void apply(DataSource dataSource, Dialect dialect, int version, String script)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (applied(c, version)) {
                    c.rollback();
                    return;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : dialect.expand(read(script)).split(";")) {
                        String sql = stripComments(statement);
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO crm_schema_version (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    p.setInt(1, version);
                    p.setString(2, script);
                    p.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (Dialect.isUniqueViolation(e) || isDuplicateTable(e)) {
                    return; // another process applied it first
                }
                throw e;
            }
        }
    }

    private static boolean applied(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM crm_schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** PostgreSQL 42P07 and H2 42S01: a racing migrator created the table first. */
    private static boolean isDuplicateTable(SQLException e) {
        return "42P07".equals(e.getSQLState()) || "42S01".equals(e.getSQLState());
    }

    private static String stripComments(String statement) {
        StringBuilder out = new StringBuilder();
        for (String line : statement.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String read(String script) {
        try (InputStream in = Schema.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the jar: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
