package org.crmkit.core.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Caches a {@link CustomerRepository}'s lookups by id, by contact address and by external id. A write through
 * the decorator invalidates the lookups of the written id and of every contact address and external id the profile
 * held before the write or holds after it. Thread-safe when the delegate is.
 */
public final class CachingCustomerRepository extends CachingRepository<Customer, CustomerId, CustomerRepository>
        implements CustomerRepository {
    private final LoadingCache<ContactAddress, List<Customer>> byContact;
    private final LoadingCache<ExternalId, Optional<Customer>> byExternalId;

    /**
     * Wraps a repository.
     *
     * @param delegate the repository to cache
     * @param spec the cache settings; each of the three lookups gets its own cache with these settings
     */
    public CachingCustomerRepository(CustomerRepository delegate, Caffeine<Object, Object> spec) {
        super(delegate, spec);
        this.byContact = spec.build(delegate::findByContact);
        this.byExternalId = spec.build(delegate::findByExternalId);
    }

    /**
     * Wraps a repository with a cache of at most {@code maximumSize} entries per lookup, recording statistics.
     *
     * @param delegate the repository to cache
     * @param maximumSize the bound
     * @return the decorator
     */
    public static CachingCustomerRepository of(CustomerRepository delegate, long maximumSize) {
        return new CachingCustomerRepository(delegate, Caffeine.newBuilder().maximumSize(maximumSize).recordStats());
    }

    @Override
    protected CustomerId idOf(Customer aggregate) {
        return aggregate.id();
    }

    @Override
    protected boolean tracksDerivedEntries() {
        return true;
    }

    @Override
    protected void invalidateDerived(@Nullable Customer before, @Nullable Customer written) {
        for (Customer c : Arrays.asList(before, written)) {
            if (c != null) {
                c.contactPoints().forEach(cp -> byContact.invalidate(cp.address()));
                byExternalId.invalidateAll(c.externalIds());
            }
        }
    }

    @Override
    public void invalidateAll() {
        super.invalidateAll();
        byContact.invalidateAll();
        byExternalId.invalidateAll();
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        Checks.notNull("externalId", externalId);
        return byExternalId.get(externalId);
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        Checks.notNull("address", address);
        return byContact.get(address);
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        return delegate.findAll(request);
    }

    /** {@return hit, miss, load and eviction counts of the lookups by contact address} */
    public CacheStats contactStats() {
        return byContact.stats();
    }
}
