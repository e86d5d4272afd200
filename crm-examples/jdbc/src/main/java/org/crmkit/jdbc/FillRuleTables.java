package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 7: fills the columns and side tables of version 6 for the profiles and touchpoints stored before
 * it, from their documents, a page of {@value #PAGE} at a time inside the migration's transaction; and writes
 * again each profile's {@code customer_since}, which rows saved before held in UTC rather than in the customer's
 * zone.
 */
final class FillRuleTables implements JavaMigration {
    private static final int PAGE = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "fill rule tables";
    }

    @Override
    public Integer getChecksum() {
        return 7;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        fill(new Jdbc(context.getConfiguration().getDataSource()), context.getConnection());
    }

    /** Fills the rows of every stored profile and touchpoint; rows already there are replaced. */
    static void fill(Jdbc jdbc, Connection c) throws SQLException {
        String after = "";
        while (true) {
            List<String[]> page = page(jdbc, c, "crm_customers", after);
            RuleRows.Profiles profiles = new RuleRows.Profiles();
            List<Object[]> since = new ArrayList<>();
            for (String[] row : page) {
                Customer customer = jdbc.read(row[1], Customer.class);
                profiles.add(customer);
                since.add(new Object[] {RuleTableRows.customerSince(customer), row[0]});
            }
            jdbc.batch(c, "UPDATE crm_customers SET customer_since = ? WHERE id = ?", since);
            delete(jdbc, c, page, "customer_id", "crm_customer_consents", "crm_customer_attributes",
                    "crm_customer_preferences");
            profiles.insert(jdbc, c);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1)[0];
        }
        after = "";
        while (true) {
            List<String[]> page = page(jdbc, c, "crm_touchpoints", after);
            List<Object[]> columns = new ArrayList<>();
            List<Object[]> lines = new ArrayList<>();
            for (String[] row : page) {
                Touchpoint t = jdbc.read(row[1], Touchpoint.class);
                List<Object> values = new ArrayList<>(RuleRows.columns(t));
                values.add(row[0]);
                columns.add(values.toArray());
                lines.addAll(RuleTableRows.lines(t));
            }
            jdbc.batch(c, "UPDATE crm_touchpoints SET kind = ?, channel = ?, amount = ?, currency = ? WHERE id = ?",
                    columns);
            delete(jdbc, c, page, "touchpoint_id", "crm_touchpoint_lines");
            jdbc.batch(c, RuleRows.INSERT_LINE, lines);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1)[0];
        }
    }

    private static List<String[]> page(Jdbc jdbc, Connection c, String table, String after) throws SQLException {
        return jdbc.query(c, "SELECT id, document FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + PAGE,
                r -> new String[] {r.getString(1), r.getString(2)}, after);
    }

    /** Deletes the page's rows from tables whose {@code column} holds the page's ids. */
    private static void delete(Jdbc jdbc, Connection c, List<String[]> page, String column, String... tables)
            throws SQLException {
        List<Object[]> ids = new ArrayList<>();
        page.forEach(row -> ids.add(new Object[] {row[0]}));
        for (String table : tables) {
            jdbc.batch(c, "DELETE FROM " + table + " WHERE " + column + " = ?", ids);
        }
    }
}
