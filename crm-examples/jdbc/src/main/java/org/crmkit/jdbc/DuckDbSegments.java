package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.segmentation.analysis.SegmentQueries;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.crmkit.segmentation.rule.SqlDialect;
import org.crmkit.segmentation.rule.SqlPushdown;

/**
 * An embedded DuckDB database holding what segment rules read, for batch work on one machine: a night's segments,
 * RFM scores and value-model summaries over a whole customer base, columnar and in parallel, without a server.
 * It holds the profile's columns and the rule tables ({@link SqlPushdown.Tables}) the reference adapter keeps, in
 * the same shapes, but no documents: profiles and touchpoints are loaded from wherever they are kept and read
 * back from there. Bring DuckDB's JDBC driver ({@code org.duckdb:duckdb_jdbc}) and a {@link DataSource} whose
 * connections share one database. Thread-safe.
 *
 * <p>DuckDB's exact decimals have at most 38 digits: this database holds numbers of up to
 * {@value #INTEGER_DIGITS} digits before the point and {@value #FRACTION_DIGITS} after it (crmkit accepts 30 and
 * 20), and a load with a number beyond that is refused whole, naming the row.
 */
public final class DuckDbSegments {
    /** The most digits before the point a number may have here. */
    public static final int INTEGER_DIGITS = 18;
    /** The most digits after the point a number may have here. */
    public static final int FRACTION_DIGITS = 20;
    private static final String DECIMAL = "DECIMAL(38, " + FRACTION_DIGITS + ")";
    private static final int BATCH = 10_000;
    private static final List<String> DDL = List.of(
            "CREATE TABLE IF NOT EXISTS crm_customers (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL,"
                    + " lifecycle_stage VARCHAR, account_manager VARCHAR, customer_since DATE)",
            "CREATE TABLE IF NOT EXISTS crm_customer_tags (customer_id VARCHAR NOT NULL, tag VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS crm_touchpoints (id VARCHAR PRIMARY KEY, customer_id VARCHAR NOT NULL,"
                    + " at_second BIGINT NOT NULL, at_nano INTEGER NOT NULL, kind VARCHAR NOT NULL,"
                    + " channel VARCHAR NOT NULL, amount " + DECIMAL + ", currency VARCHAR)",
            "CREATE TABLE IF NOT EXISTS crm_touchpoint_lines (touchpoint_id VARCHAR NOT NULL, line_no INTEGER NOT NULL,"
                    + " customer_id VARCHAR NOT NULL, at_second BIGINT NOT NULL, at_nano INTEGER NOT NULL,"
                    + " kind VARCHAR NOT NULL, channel VARCHAR NOT NULL, category VARCHAR NOT NULL, brand VARCHAR,"
                    + " quantity " + DECIMAL + " NOT NULL, unit_price " + DECIMAL + " NOT NULL, line_value "
                    + DECIMAL + " NOT NULL, currency VARCHAR NOT NULL)",
            "CREATE TABLE IF NOT EXISTS crm_customer_consents (customer_id VARCHAR NOT NULL,"
                    + " record_no INTEGER NOT NULL, purpose VARCHAR NOT NULL, channel VARCHAR,"
                    + " granted BOOLEAN NOT NULL, at_second BIGINT NOT NULL, at_nano INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS crm_customer_attributes (customer_id VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                    + " text_value VARCHAR, number_value " + DECIMAL + ", flag_value BOOLEAN, date_value DATE)",
            "CREATE TABLE IF NOT EXISTS crm_customer_preferences (customer_id VARCHAR NOT NULL,"
                    + " pref_key VARCHAR NOT NULL, polarity VARCHAR NOT NULL, pref_value VARCHAR NOT NULL)");

    private final Jdbc jdbc;
    private final RuleQueries queries;

    private DuckDbSegments(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.queries = new RuleQueries(jdbc, SqlDialect.DUCKDB);
    }

    /**
     * Opens a DuckDB database, creating the tables it lacks.
     *
     * @param dataSource connections to one DuckDB database
     * @return the database
     * @throws org.crmkit.core.CrmException when the database fails
     */
    public static DuckDbSegments open(DataSource dataSource) {
        DuckDbSegments db = new DuckDbSegments(Objects.requireNonNull(dataSource, "dataSource"));
        db.jdbc.inTransaction("creating the rule tables", c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : DDL) {
                    s.execute(ddl);
                }
            }
            return null;
        });
        return db;
    }

    /**
     * The mapping of the rule language to this database's tables, as {@link JdbcStores#pushdown} maps the
     * adapter's, written for DuckDB.
     *
     * @param catalog the facts rules are checked against
     * @return the pushdown; its predicates refer to the customer table as {@code c}
     */
    public static SqlPushdown pushdown(FactCatalog catalog) {
        return RuleQueries.pushdown(catalog, SqlDialect.DUCKDB);
    }

    /**
     * Loads profiles, with their tags, consent records, custom attributes and effective preferences, in
     * transactions of 10,000: a batch with a clash (an id already here) or a number beyond this database's
     * decimals stores nothing, and the batches before it stay.
     *
     * @param customers the profiles
     * @return how many were loaded
     * @throws RuleViolationException when a number does not fit, naming the customer
     */
    public long loadCustomers(Iterable<Customer> customers) {
        return batches(customers, (c, batch) -> {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            RuleRows.Profiles profiles = new RuleRows.Profiles();
            for (Customer customer : batch) {
                rows.add(RuleTableRows.customer(customer));
                tags.addAll(RuleTableRows.tags(customer));
                profiles.add(customer);
            }
            requireFit("customer", profiles.attributes);
            jdbc.batch(c, "INSERT INTO crm_customers (id, kind, lifecycle_stage, account_manager, customer_since)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
            jdbc.batch(c, "INSERT INTO crm_customer_tags (customer_id, tag) VALUES (?, ?)", tags);
            profiles.insert(jdbc, c);
        });
    }

    /**
     * Loads touchpoints, with their line items, in transactions of 10,000, as {@link #loadCustomers} does.
     *
     * @param touchpoints the touchpoints
     * @return how many were loaded
     * @throws RuleViolationException when an amount, a quantity or a line's value does not fit, naming the
     *         touchpoint
     */
    public long loadTouchpoints(Iterable<Touchpoint> touchpoints) {
        return batches(touchpoints, (c, batch) -> {
            List<Object[]> rows = new ArrayList<>();
            List<Object[]> lines = new ArrayList<>();
            for (Touchpoint t : batch) {
                rows.add(RuleTableRows.touchpoint(t));
                lines.addAll(RuleTableRows.lines(t));
            }
            requireFit("touchpoint", rows);
            requireFit("touchpoint", lines);
            jdbc.batch(c, "INSERT INTO crm_touchpoints (id, customer_id, at_second, at_nano, kind, channel, amount,"
                    + " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.batch(c, RuleRows.INSERT_LINE, lines);
        });
    }

    /** Loads one batch inside its transaction. */
    @FunctionalInterface
    private interface Load<T> {
        void run(Connection c, List<T> batch) throws SQLException;
    }

    private <T> long batches(Iterable<T> items, Load<T> load) {
        Objects.requireNonNull(items, "items");
        long loaded = 0;
        Iterator<T> it = items.iterator();
        while (it.hasNext()) {
            List<T> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && batch.size() < BATCH) {
                batch.add(Objects.requireNonNull(it.next(), "item"));
            }
            jdbc.inTransaction("loading into DuckDB after " + loaded, c -> {
                load.run(c, batch);
                return null;
            });
            loaded += batch.size();
        }
        return loaded;
    }

    private static void requireFit(String what, List<Object[]> rows) {
        RuleTableRows.requireDecimalsFit(what, rows, INTEGER_DIGITS, FRACTION_DIGITS, "DuckDB");
    }

    /**
     * {@return segments, RFM scores, value summaries and segment changes computed in this database}
     */
    public SegmentQueries segments() {
        return queries;
    }
}
