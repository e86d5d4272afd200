package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

/**
 * Profiles and touchpoints stored before schema version 6 get their rule tables from version 7, which reads
 * their documents, and their {@code customer_since} in the customer's zone: the rows equal those a save writes.
 */
class RuleTablesMigrationTest {
    private static final List<String> SNAPSHOTS = List.of(
            "SELECT id, customer_since FROM crm_customers ORDER BY id",
            "SELECT id, kind, channel, amount, currency FROM crm_touchpoints ORDER BY id",
            "SELECT * FROM crm_touchpoint_lines ORDER BY touchpoint_id, line_no",
            "SELECT * FROM crm_customer_consents ORDER BY customer_id, record_no",
            "SELECT * FROM crm_customer_attributes ORDER BY customer_id, name",
            "SELECT * FROM crm_customer_preferences ORDER BY customer_id, pref_key, polarity, pref_value");

    @Test
    void versionSevenFillsTheRuleTablesOfRowsStoredBeforeVersionSixOnH2() throws SQLException {
        check(Databases.h2());
    }

    @Test
    void versionSevenFillsTheRuleTablesOfRowsStoredBeforeVersionSixOnPostgres() throws SQLException {
        check(Databases.postgres());
    }

    private static void check(DataSource db) throws SQLException {
        Schema.flyway(db).target("6").load().migrate();
        JdbcStores stores = JdbcStores.attach(db);
        // More customers than a migration page, so that the pages join up.
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            customers.add(WholeRuleDifferentialProperties.POPULATION.customers().get(i % 400).toBuilder()
                    .id(org.crmkit.core.customer.CustomerId.of("m" + i)).build());
        }
        stores.importCustomers(customers);
        stores.importTouchpoints(WholeRuleDifferentialProperties.POPULATION.touchpoints().values().stream()
                .flatMap(List::stream).collect(Collectors.toList()));
        List<List<List<Object>>> saved = snapshot(db);
        assertFalse(saved.stream().anyMatch(List::isEmpty), "a rule table was left empty by the saves");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // As rows stored before version 6 stand: no side rows, no columns.
            for (String table : List.of("crm_touchpoint_lines", "crm_customer_consents", "crm_customer_attributes",
                    "crm_customer_preferences")) {
                s.execute("DELETE FROM " + table);
            }
            s.execute("UPDATE crm_touchpoints SET kind = NULL, channel = NULL, amount = NULL, currency = NULL");
            // Before the last stop's fix the column held the UTC day, a day off for customers far from UTC.
            s.execute("UPDATE crm_customers SET customer_since = NULL");
        }
        assertEquals(Schema.VERSION, Schema.migrate(db));
        assertEquals(saved, snapshot(db));
        Schema.fillRuleTables(db);
        assertEquals(saved, snapshot(db), "filling again changed the rows");
    }

    private static List<List<List<Object>>> snapshot(DataSource db) throws SQLException {
        List<List<List<Object>>> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : SNAPSHOTS) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery(sql)) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= n; i++) {
                            Object v = r.getObject(i);
                            row.add(v instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : v);
                        }
                        rows.add(row);
                    }
                }
                out.add(rows);
            }
        }
        return out;
    }
}
