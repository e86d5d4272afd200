package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Keeps customer profiles in memory, indexed by id, external id and contact address. Thread-safe: reads never
 * block; writes are serialised so each is atomic. The secondary indexes hold the stored snapshots themselves and
 * are replaced copy-on-write under the write lock, so a lookup by contact or external id is one map read.
 */
public final class InMemoryCustomerRepository extends InMemoryRepository<Customer, CustomerId>
        implements CustomerRepository {
    private static final Comparator<Customer> BY_ID = Comparator.comparing(c -> c.id().value());

    private final Map<ExternalId, Customer> byExternalId = new ConcurrentHashMap<>();
    private final Map<ContactAddress, List<Customer>> byContact = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, CustomerId> ordered = new ConcurrentSkipListMap<>();

    /** Creates an empty repository. */
    public InMemoryCustomerRepository() {
        super("customer", Customer::id, Customer::version);
    }

    @Override
    protected Customer withVersion(Customer aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void checkUnique(Customer c) {
        for (ExternalId e : c.externalIds()) {
            Customer holder = byExternalId.get(e);
            if (holder != null && !holder.id().equals(c.id()) && !c.mergedFrom().contains(holder.id())) {
                throw new DuplicateException("external id " + e + " already belongs to customer " + holder.id());
            }
        }
    }

    @Override
    protected void reindex(@Nullable Customer before, @Nullable Customer after) {
        if (before != null) {
            before.externalIds().forEach(e -> byExternalId.computeIfPresent(e,
                    (k, holder) -> holder.id().equals(before.id()) ? null : holder));
            for (ContactPoint cp : before.contactPoints()) {
                byContact.computeIfPresent(cp.address(), (a, list) -> without(list, before.id()));
            }
            ordered.remove(before.id().value());
        }
        if (after != null) {
            after.externalIds().forEach(e -> byExternalId.put(e, after));
            for (ContactPoint cp : after.contactPoints()) {
                byContact.merge(cp.address(), List.of(after), (list, one) -> with(list, after));
            }
            ordered.put(after.id().value(), after.id());
        }
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        Checks.notNull("externalId", externalId);
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        Checks.notNull("address", address);
        List<Customer> found = byContact.get(address);
        return found == null ? List.of() : found;
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        return page(ordered, request);
    }

    /** The list with the profile's snapshot removed; null when nothing is left, which drops the entry. */
    private static @Nullable List<Customer> without(List<Customer> list, CustomerId id) {
        List<Customer> out = new ArrayList<>(list.size());
        for (Customer c : list) {
            if (!c.id().equals(id)) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /** The list with the snapshot added, kept in id order; one profile per id. */
    private static List<Customer> with(List<Customer> list, Customer snapshot) {
        List<Customer> out = new ArrayList<>(list.size() + 1);
        for (Customer c : list) {
            if (!c.id().equals(snapshot.id())) {
                out.add(c);
            }
        }
        out.add(snapshot);
        out.sort(BY_ID);
        return List.copyOf(out);
    }
}
