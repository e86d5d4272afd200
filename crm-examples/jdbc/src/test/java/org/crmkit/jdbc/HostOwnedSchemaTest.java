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
import org.junit.jupiter.api.Test;

/** Hosts whose migration tool owns the schema: the scripts they run, and stores that run no DDL. */
class HostOwnedSchemaTest {

    @Test
    void theShippedScriptsRunByTheHostMakeASchemaTheStoresUseWithoutDdl() throws SQLException {
        Map<String, String> scripts = Schema.scripts(Dialect.H2);
        assertEquals(List.of("V1__core.sql", "V2__loyalty.sql"), List.copyOf(scripts.keySet()));
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
        assertFalse(tableExists(db, "CRM_SCHEMA_VERSION"), "attach ran the adapter's own migration");
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

    private static boolean tableExists(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet r = c.getMetaData().getTables(null, null, table, null)) {
            return r.next();
        }
    }
}
