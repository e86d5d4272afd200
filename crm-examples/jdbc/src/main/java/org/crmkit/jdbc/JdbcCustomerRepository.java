package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.jspecify.annotations.Nullable;

/**
 * Customer profiles in {@code crm_customers}, with side tables for tags, external ids and contact addresses, and
 * for the consent records, custom attributes and effective preferences segment rules read ({@link RuleRows}).
 * The columns {@code kind}, {@code lifecycle_stage}, {@code account_manager}, {@code customer_since} (the
 * creation date in the customer's zone, UTC when none, as the fact reads it in memory) and the table
 * {@code crm_customer_tags} hold the facts {@link JdbcStores#pushdown} maps to columns.
 */
final class JdbcCustomerRepository extends JdbcRepository<Customer, CustomerId> implements CustomerRepository {

    JdbcCustomerRepository(Jdbc jdbc) {
        super(jdbc, "customer", "crm_customers", Customer.class,
                List.of("kind", "lifecycle_stage", "account_manager", "customer_since"));
    }

    @Override
    CustomerId idOf(Customer c) {
        return c.id();
    }

    @Override
    String key(CustomerId id) {
        return id.value();
    }

    @Override
    long versionOf(Customer c) {
        return c.version();
    }

    @Override
    Customer withVersion(Customer c, long version) {
        return c.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(Customer c) {
        return columns(c);
    }

    /** {@return the profile's columns the rules read: kind, lifecycle stage, account manager, customer since} */
    static List<@Nullable Object> columns(Customer c) {
        return Arrays.asList(RuleTableRows.customer(c)).subList(1, 5);
    }

    @Override
    boolean hasSideTables() {
        return true;
    }

    @Override
    void writeSideTables(Connection c, Customer stored) throws SQLException {
        String id = stored.id().value();
        jdbc.update(c, "DELETE FROM crm_customer_tags WHERE customer_id = ?", id);
        for (String tag : stored.tags()) {
            jdbc.update(c, "INSERT INTO crm_customer_tags (customer_id, tag) VALUES (?, ?)", id, tag);
        }
        jdbc.update(c, "DELETE FROM crm_customer_contacts WHERE customer_id = ?", id);
        Set<String> addresses = new LinkedHashSet<>();
        for (ContactPoint cp : stored.contactPoints()) {
            addresses.add(address(cp.address()));
        }
        for (String a : addresses) {
            jdbc.update(c, "INSERT INTO crm_customer_contacts (address, customer_id) VALUES (?, ?)", a, id);
        }
        RuleRows.replace(jdbc, c, stored);
        jdbc.update(c, "DELETE FROM crm_customer_external_ids WHERE customer_id = ?", id);
        for (ExternalId e : stored.externalIds()) {
            Optional<String> holder = first(jdbc.query(c,
                    "SELECT customer_id FROM crm_customer_external_ids WHERE external_id = ?",
                    r -> r.getString(1), e.toString()));
            if (holder.isEmpty()) {
                jdbc.update(c, "INSERT INTO crm_customer_external_ids (external_id, customer_id) VALUES (?, ?)",
                        e.toString(), id);
            } else if (stored.mergedFrom().contains(CustomerId.of(holder.get()))) {
                // A merge takes the external id over from the profile it absorbed.
                jdbc.update(c, "UPDATE crm_customer_external_ids SET customer_id = ? WHERE external_id = ?", id,
                        e.toString());
            } else {
                throw new DuplicateException("external id " + e + " already belongs to customer " + holder.get());
            }
        }
    }

    /** Batched: new profiles have no side rows to replace, and a taken external id fails on its key. */
    @Override
    void insertSideTables(Connection c, List<Customer> batch) throws SQLException {
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> externalIds = new ArrayList<>();
        RuleRows.Profiles profiles = new RuleRows.Profiles();
        for (Customer customer : batch) {
            profiles.add(customer);
            String id = customer.id().value();
            customer.tags().forEach(t -> tags.add(new Object[] {id, t}));
            customer.contactPoints().stream().map(cp -> address(cp.address())).distinct()
                    .forEach(a -> contacts.add(new Object[] {a, id}));
            customer.externalIds().forEach(e -> externalIds.add(new Object[] {e.toString(), id}));
        }
        jdbc.batch(c, "INSERT INTO crm_customer_tags (customer_id, tag) VALUES (?, ?)", tags);
        jdbc.batch(c, "INSERT INTO crm_customer_contacts (address, customer_id) VALUES (?, ?)", contacts);
        jdbc.batch(c, "INSERT INTO crm_customer_external_ids (external_id, customer_id) VALUES (?, ?)",
                externalIds);
        profiles.insert(jdbc, c);
    }

    /** An address as stored: its JSON form, which is canonical for equal addresses. */
    private String address(ContactAddress a) {
        return jdbc.write(a);
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return first(jdbc.inTransaction("finding a customer by external id", c -> documents(c,
                "SELECT c.document FROM crm_customers c JOIN crm_customer_external_ids e ON e.customer_id = c.id"
                        + " WHERE e.external_id = ?", externalId.toString())));
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        Objects.requireNonNull(address, "address");
        return List.copyOf(jdbc.inTransaction("finding customers by contact", c -> documents(c,
                "SELECT c.document FROM crm_customers c JOIN crm_customer_contacts a ON a.customer_id = c.id"
                        + " WHERE a.address = ? ORDER BY c.id", address(address))));
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading customers", c -> byId(c, request));
    }
}
