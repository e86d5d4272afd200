package org.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.crmkit.core.CrmException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The adapter's schema, created and upgraded by versioned SQL scripts in Flyway's layout ({@code V1__core.sql},
 * {@code V2__loyalty.sql}, {@code V3__service_levels_and_outbox.sql}, {@code V4__merge_records.sql},
 * {@code V5__coupons.sql}, {@code V6__rule_tables.sql}) under
 * {@value #LOCATION}, with the placeholders {@code ${id}}, {@code ${document}} and {@code ${decimal}} for the
 * dialect's column types ({@link Dialect#idType()}, {@link Dialect#documentType()}, {@link Dialect#decimalType()}),
 * and one migration in Java, version 7, that fills version 6's tables from the documents stored before it
 * ({@link #javaMigrations()}, {@link #fillRuleTables}). {@link #migrate} runs them through Flyway, recording
 * them in {@value #HISTORY_TABLE}; a host whose own Flyway owns the schema adds
 * {@link #flyway(DataSource)}'s location and placeholders to its configuration (or takes the expanded texts from
 * {@link #scripts(Dialect)} for another tool) and then opens the stores with {@link JdbcStores#attach}, which runs
 * no DDL.
 */
public final class Schema {
    /** Where the scripts are, as a Flyway location. */
    public static final String LOCATION = "classpath:org/crmkit/jdbc/migration";
    /** The table in which Flyway records the scripts applied. */
    public static final String HISTORY_TABLE = "crm_schema_history";
    /** The newest schema version: the scripts', then the Java migration that fills version 6's tables. */
    static final int VERSION = 7;
    /** The scripts in the order they apply. */
    static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__loyalty.sql",
            "V3__service_levels_and_outbox.sql", "V4__merge_records.sql", "V5__coupons.sql", "V6__rule_tables.sql");

    private Schema() {
    }

    /**
     * Flyway configured for the adapter's scripts on a database: location, placeholders for its dialect and the
     * history table. A host may configure it further before {@code load()}.
     *
     * @param dataSource an H2 or PostgreSQL database
     * @return the configuration
     * @throws CrmException when the database cannot be reached to learn its dialect
     */
    public static FluentConfiguration flyway(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Dialect dialect;
        try {
            dialect = Dialect.of(dataSource);
        } catch (java.sql.SQLException e) {
            throw Jdbc.failure("learning the database's dialect", e);
        }
        return Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .placeholders(placeholders(dialect))
                .javaMigrations(javaMigrations())
                .failOnMissingLocations(true);
    }

    /**
     * Brings a database up to the newest schema version. Safe to call on every start and from several processes:
     * Flyway takes a lock, and a script another process applied meanwhile is skipped.
     *
     * @param dataSource the database
     * @return the schema version now in place
     * @throws CrmException when a script fails; on PostgreSQL the failed script leaves no trace
     */
    public static int migrate(DataSource dataSource) {
        try {
            Flyway flyway = flyway(dataSource).load();
            flyway.migrate();
            return version(flyway);
        } catch (FlywayException e) {
            throw new CrmException("could not migrate the schema: " + e.getMessage(), e);
        }
    }

    /**
     * The schema version of a database.
     *
     * @param dataSource the database
     * @return the highest applied version, 0 for none
     * @throws CrmException when the database cannot be read
     */
    public static int version(DataSource dataSource) {
        try {
            return version(flyway(dataSource).load());
        } catch (FlywayException e) {
            throw new CrmException("could not read the schema version: " + e.getMessage(), e);
        }
    }

    private static int version(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? 0
                : Integer.parseInt(current.getVersion().getVersion());
    }

    /**
     * The migration scripts for a dialect, in the order they apply, with the dialect's types put in: for a host's
     * own migration tool other than Flyway (Liquibase) or a DBA's review.
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
     * The migrations written in Java, for a host's own Flyway configuration beside {@link #LOCATION}: version 7
     * fills the rule tables of version 6 for profiles and touchpoints stored before it, and writes each profile's
     * {@code customer_since} again in the customer's zone.
     *
     * @return the migrations
     */
    public static JavaMigration[] javaMigrations() {
        return new JavaMigration[] {new FillRuleTables()};
    }

    /**
     * Fills the rule tables of version 6 for the profiles and touchpoints stored before it, as version 7 does
     * under Flyway: for a host whose own migration tool runs the {@link #scripts scripts}. Rows already there are
     * replaced, so running it again changes nothing.
     *
     * @param dataSource the database, at version 6 or later
     * @throws CrmException when the database fails; nothing is then changed
     */
    public static void fillRuleTables(DataSource dataSource) {
        Jdbc jdbc = new Jdbc(dataSource);
        jdbc.inTransaction("filling the rule tables", c -> {
            FillRuleTables.fill(jdbc, c);
            return null;
        });
    }

    /**
     * The values of the scripts' placeholders for a dialect, for a host's own Flyway configuration.
     *
     * @param dialect the database's dialect
     * @return {@code id}, {@code document} and {@code decimal} to the dialect's column types
     */
    public static Map<String, String> placeholders(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        return Map.of("id", dialect.idType(), "document", dialect.documentType(), "decimal", dialect.decimalType());
    }

    private static String read(String script) {
        String name = "migration/" + script;
        try (InputStream in = Schema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
