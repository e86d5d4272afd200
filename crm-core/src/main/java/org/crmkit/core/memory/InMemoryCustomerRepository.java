package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * block; writes are serialised so each is atomic.
 */
public final class InMemoryCustomerRepository extends InMemoryRepository<Customer, CustomerId>
        implements CustomerRepository {
    private static final Comparator<Customer> BY_ID = Comparator.comparing(c -> c.id().value());

    private final Map<ExternalId, CustomerId> byExternalId = new ConcurrentHashMap<>();
    private final Map<ContactAddress, Set<CustomerId>> byContact = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, CustomerId> ordered = new ConcurrentSkipListMap<>();

    /** Creates an empty repository. */
    public InMemoryCustomerRepository() {
        super("customer", Customer::id, Customer::version);
    }

    @Override
    Customer withVersion(Customer aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    void checkUnique(Customer c) {
        for (ExternalId e : c.externalIds()) {
            CustomerId holder = byExternalId.get(e);
            if (holder != null && !holder.equals(c.id()) && !c.mergedFrom().contains(holder)) {
                throw new DuplicateException("external id " + e + " already belongs to customer " + holder);
            }
        }
    }

    @Override
    void reindex(@Nullable Customer before, @Nullable Customer after) {
        if (before != null) {
            before.externalIds().forEach(e -> byExternalId.remove(e, before.id()));
            for (ContactPoint cp : before.contactPoints()) {
                byContact.computeIfPresent(cp.address(), (a, ids) -> {
                    ids.remove(before.id());
                    return ids.isEmpty() ? null : ids;
                });
            }
            ordered.remove(before.id().value());
        }
        if (after != null) {
            after.externalIds().forEach(e -> byExternalId.put(e, after.id()));
            for (ContactPoint cp : after.contactPoints()) {
                byContact.computeIfAbsent(cp.address(), a -> ConcurrentHashMap.newKeySet()).add(after.id());
            }
            ordered.put(after.id().value(), after.id());
        }
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        Checks.notNull("externalId", externalId);
        CustomerId id = byExternalId.get(externalId);
        // Re-check against the stored profile: an index read may race with a write.
        return id == null ? Optional.empty()
                : Optional.ofNullable(byId.get(id)).filter(c -> c.externalIds().contains(externalId));
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        Checks.notNull("address", address);
        Set<CustomerId> ids = byContact.get(address);
        if (ids == null) {
            return List.of();
        }
        List<Customer> found = new ArrayList<>(ids.size());
        for (CustomerId id : ids) {
            Customer c = byId.get(id);
            if (c != null && holds(c, address)) {
                found.add(c);
            }
        }
        if (found.size() > 1) {
            found.sort(BY_ID);
        }
        return found;
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        Checks.notNull("request", request);
        Map<String, CustomerId> tail = request.after() == null ? ordered : ordered.tailMap(request.after(), false);
        List<Customer> items = new ArrayList<>(Math.min(request.size(), 64));
        String last = null;
        for (Map.Entry<String, CustomerId> e : tail.entrySet()) {
            Customer c = byId.get(e.getValue());
            if (c == null) {
                continue;
            }
            if (items.size() == request.size()) {
                return new Page<>(items, last);
            }
            items.add(c);
            last = e.getKey();
        }
        return new Page<>(items, null);
    }

    private static boolean holds(Customer c, ContactAddress address) {
        for (ContactPoint cp : c.contactPoints()) {
            if (cp.address().equals(address)) {
                return true;
            }
        }
        return false;
    }
}
