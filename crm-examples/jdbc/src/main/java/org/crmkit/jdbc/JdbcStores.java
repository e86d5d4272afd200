package org.crmkit.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.spi.Transactions;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;
import org.crmkit.segmentation.analysis.SegmentQueries;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.SqlDialect;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.SqlPushdown;

/**
 * The reference JDBC adapter: every crmkit storage SPI over one {@link DataSource}, on H2 or PostgreSQL, in plain
 * JDBC. Each aggregate is a row holding its JSON document (written by {@code CrmJson.newMapper()}) next to the
 * columns its lookups, ordering and segment pushdown need; saves are optimistic and transactional, so a failed
 * save leaves nothing half-written. Bring your own connection pool. Thread-safe.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.open(dataSource);          // creates or upgrades the schema
 * // or JdbcStores.attach(dataSource) when the host's Flyway owns the schema (Schema.LOCATION, Schema.placeholders)
 * Crm crm = Crm.builder().customers(stores.customers()).touchpoints(stores.touchpoints())
 *         .cases(stores.cases()).mergeRecords(stores.mergeRecords()).outbox(stores.outbox())
 *         .transactions(stores.transactions()).build();
 * ServiceLevels levels = ServiceLevels.builder(crm).store(stores.clocks()).policy(policy).attach();
 * Ledger ledger = Ledger.builder(program).members(stores.members()).store(stores.ledger()).build();
 * Rewards rewards = Rewards.builder(ledger).campaign(petFood).store(stores.coupons()).build();
 * }</pre>
 */
public final class JdbcStores {
    /** Rows written per transaction by the imports. */
    public static final int IMPORT_BATCH = 1_000;
    private final Jdbc jdbc;
    private final RuleQueries queries;
    private final Dialect dialect;
    private final JdbcCustomerRepository customers;
    private final JdbcTouchpointRepository touchpoints;
    private final JdbcServiceCaseRepository cases;
    private final JdbcMemberRepository members;
    private final JdbcLedgerStore ledger;
    private final JdbcClockStore clocks;
    private final JdbcOutboxStore outbox;
    private final JdbcMergeRecordStore merges;
    private final JdbcCouponStore coupons;

    private JdbcStores(DataSource dataSource, Dialect dialect) {
        this.jdbc = new Jdbc(dataSource);
        this.queries = new RuleQueries(jdbc, SqlDialect.STANDARD);
        this.dialect = dialect;
        this.customers = new JdbcCustomerRepository(jdbc);
        this.touchpoints = new JdbcTouchpointRepository(jdbc);
        this.cases = new JdbcServiceCaseRepository(jdbc);
        this.members = new JdbcMemberRepository(jdbc);
        this.ledger = new JdbcLedgerStore(jdbc);
        this.clocks = new JdbcClockStore(jdbc);
        this.outbox = new JdbcOutboxStore(jdbc);
        this.merges = new JdbcMergeRecordStore(jdbc);
        this.coupons = new JdbcCouponStore(jdbc);
    }

    /**
     * Opens the stores over a database, first bringing its schema up to date ({@link Schema#migrate}).
     *
     * @param dataSource an H2 or PostgreSQL database
     * @return the stores
     * @throws org.crmkit.core.CrmException when the database cannot be reached or migrated
     */
    public static JdbcStores open(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Schema.migrate(dataSource);
        try {
            return new JdbcStores(dataSource, Dialect.of(dataSource));
        } catch (SQLException e) {
            throw Jdbc.failure("opening the stores", e);
        }
    }

    /**
     * Opens the stores over a database whose schema the host keeps itself, with its own migration tool: runs no
     * DDL. The tables must be those of {@link Schema#scripts}; a missing table shows as a {@code CrmException} on
     * first use.
     *
     * @param dataSource an H2 or PostgreSQL database holding the schema
     * @return the stores
     * @throws org.crmkit.core.CrmException when the database cannot be reached
     */
    public static JdbcStores attach(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            return new JdbcStores(dataSource, Dialect.of(dataSource));
        } catch (SQLException e) {
            throw Jdbc.failure("opening the stores", e);
        }
    }

    /** {@return the database's dialect} */
    public Dialect dialect() {
        return dialect;
    }

    /** {@return customer profiles} */
    public CustomerRepository customers() {
        return customers;
    }

    /** {@return touchpoints} */
    public TouchpointRepository touchpoints() {
        return touchpoints;
    }

    /** {@return service cases} */
    public ServiceCaseRepository cases() {
        return cases;
    }

    /** {@return loyalty members} */
    public MemberRepository members() {
        return members;
    }

    /** {@return loyalty ledger entries} */
    public LedgerStore ledger() {
        return ledger;
    }

    /** {@return measured items' service-level clocks, for {@link org.crmkit.core.servicelevel.ServiceLevels}} */
    public ClockStore clocks() {
        return clocks;
    }

    /** {@return merge audits, for {@code Crm.Builder.mergeRecords} and {@link org.crmkit.core.Crm#unmerge}} */
    public MergeRecordStore mergeRecords() {
        return merges;
    }

    /** {@return the rewards catalogue's coupons and vouchers, for {@code Rewards.Builder.store}} */
    public CouponStore coupons() {
        return coupons;
    }

    /** {@return the transactional outbox, whose appends commit with the write that made the events} */
    public OutboxStore outbox() {
        return outbox;
    }

    /**
     * Transactions over this database that every store here joins: give them to {@code Crm.Builder.transactions}
     * with {@link #outbox()}, and a write and its events commit together.
     *
     * @return the transactions
     */
    public Transactions transactions() {
        return jdbc.transactions();
    }

    /**
     * Stores new customer profiles in batches of {@value #IMPORT_BATCH}, far faster than one save each: for a
     * first load or a migration. Profiles are taken as they come, so a stream of millions needs no list of them.
     * Each batch is one transaction: when a profile in it is not new or claims an id or external id already
     * stored, none of that batch is stored, the batches before it are, and the exception says how many.
     * No domain events are published.
     *
     * @param profiles new profiles, at version 0
     * @return how many were stored
     * @throws org.crmkit.core.RuleViolationException when a profile is not new (version 0)
     * @throws org.crmkit.core.DuplicateException when an id or external id is taken
     */
    public long importCustomers(Iterable<Customer> profiles) {
        return customers.insertAll(profiles, IMPORT_BATCH);
    }

    /**
     * Stores new touchpoints in batches of {@value #IMPORT_BATCH}, as {@link #importCustomers} does profiles.
     *
     * @param touchpoints new touchpoints, at version 0
     * @return how many were stored
     * @throws org.crmkit.core.RuleViolationException when a touchpoint is not new (version 0)
     * @throws org.crmkit.core.DuplicateException when an id is taken
     */
    public long importTouchpoints(Iterable<Touchpoint> touchpoints) {
        return this.touchpoints.insertAll(touchpoints, IMPORT_BATCH);
    }

    /**
     * The mapping of the rule language to this schema, for segment rules evaluated in the database: kind,
     * lifecycle stage, account manager, customer since (the creation date in the customer's zone) and tags as
     * columns of the customer table, and the touchpoint aggregates, consents, custom attributes and preferences
     * over the side tables of schema version 6 ({@link SqlPushdown.Tables}). Only the facts contributed by other
     * modules (a loyalty member's tier) stay in memory. The predicate refers to the customer table as {@code c}.
     *
     * @param catalog the facts rules are checked against
     * @return the pushdown
     */
    public static SqlPushdown pushdown(FactCatalog catalog) {
        return RuleQueries.pushdown(catalog, SqlDialect.STANDARD);
    }

    /**
     * The customers a predicate from {@link #pushdown} selects, read in id order.
     *
     * @param where the predicate
     * @return the customers
     */
    public List<Customer> customersWhere(SqlPredicate where) {
        Objects.requireNonNull(where, "where");
        return List.copyOf(jdbc.inTransaction("selecting customers", c -> customers.documents(c,
                "SELECT c.document FROM crm_customers c WHERE " + where.sql() + " ORDER BY c.id",
                where.parameters().toArray())));
    }

    /**
     * {@return segments, RFM scores, value summaries and segment changes computed in this database}
     */
    public SegmentQueries segments() {
        return queries;
    }
}
