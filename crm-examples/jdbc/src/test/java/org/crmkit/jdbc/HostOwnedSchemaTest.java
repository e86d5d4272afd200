package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.crmkit.core.CrmException;
import org.crmkit.core.customer.Customer;
import org.crmkit.kit.ContractFixtures;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Hosts whose migration tool owns the schema: the scripts they run, and stores that run no DDL. */
class HostOwnedSchemaTest {

    @Test
    void theShippedScriptsRunByTheHostMakeASchemaTheStoresUseWithoutDdl() throws SQLException {
        Map<String, String> scripts = Schema.scripts(Dialect.H2);
        assertEquals(List.of("V1__core.sql", "V2__loyalty.sql", "V3__service_levels_and_outbox.sql",
                "V4__merge_records.sql", "V5__coupons.sql", "V6__rule_tables.sql"),
                List.copyOf(scripts.keySet()));
        DataSource db = Databases.h2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String script : scripts.values()) {
                assertFalse(script.contains("${"), "a placeholder is left in the script");
                for (String statement : script.split(";")) {
                    if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                        s.execute(statement);
                    }
                }
            }
        }
        JdbcStores stores = JdbcStores.attach(db);
        Customer saved = stores.customers().save(ContractFixtures.customer(1));
        assertEquals(Optional.of(saved), stores.customers().findById(saved.id()));
        assertFalse(tableExists(db, Schema.HISTORY_TABLE), "attach ran the adapter's own migration");
    }

    @Test
    void aHostsOwnFlywayRunsTheShippedScriptsWithTheirPlaceholders() {
        DataSource db = Databases.h2();
        Flyway.configure().dataSource(db).locations(Schema.LOCATION).placeholders(Schema.placeholders(Dialect.H2))
                .javaMigrations(Schema.javaMigrations()).load().migrate();
        JdbcStores stores = JdbcStores.attach(db);
        Customer saved = stores.customers().save(ContractFixtures.customer(1));
        assertEquals(Optional.of(saved), stores.customers().findById(saved.id()));
        assertTrue(tableExists(db, "flyway_schema_history"), "the host's Flyway keeps its own history");
    }

    @Test
    void twoProcessesMigratingOnePostgresSchemaAtOnceBothSucceed() throws Exception {
        DataSource db = Databases.postgres();
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Integer> migrate = () -> Schema.migrate(db);
            List<java.util.concurrent.Future<Integer>> runs = two.invokeAll(List.of(migrate, migrate));
            for (java.util.concurrent.Future<Integer> run : runs) {
                assertEquals(Schema.VERSION, run.get());
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(Schema.VERSION, Schema.version(db));
    }

    @Test
    void migratingAgainChangesNothingAndTellsTheVersion() {
        DataSource db = Databases.h2();
        assertEquals(0, Schema.version(db));
        assertEquals(Schema.VERSION, Schema.migrate(db));
        Customer saved = JdbcStores.open(db).customers().save(ContractFixtures.customer(1));
        assertEquals(Schema.VERSION, Schema.migrate(db));
        assertEquals(Schema.VERSION, Schema.version(db));
        assertEquals(Optional.of(saved), JdbcStores.open(db).customers().findById(saved.id()));
    }

    @Test
    void attachingToADatabaseWithoutTheSchemaFailsOnFirstUseAsACrmException() throws SQLException {
        DataSource empty = Databases.h2();
        JdbcStores stores = JdbcStores.attach(empty);
        assertThrows(CrmException.class, () -> stores.customers().count());
        assertFalse(tableExists(empty, "CRM_CUSTOMERS"));
    }

    @Test
    void thePostgresScriptsCompareIdsByteByByte() {
        assertTrue(Schema.scripts(Dialect.POSTGRESQL).get("V1__core.sql").contains("COLLATE \"C\""));
    }

    private static boolean tableExists(DataSource db, String table) {
        try (Connection c = db.getConnection(); ResultSet lower = c.getMetaData().getTables(null, null, table, null);
                ResultSet upper = c.getMetaData().getTables(null, null, table.toUpperCase(java.util.Locale.ROOT),
                        null)) {
            return lower.next() || upper.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
