package org.crmkit.core.cache;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;

/** Caches a {@link ServiceCaseRepository}'s lookups by id; queries by customer go to the delegate. */
public final class CachingServiceCaseRepository
        extends CachingRepository<ServiceCase, CaseId, ServiceCaseRepository> implements ServiceCaseRepository {

    /**
     * Wraps a repository.
     *
     * @param delegate the repository to cache
     * @param spec the cache settings
     */
    public CachingServiceCaseRepository(ServiceCaseRepository delegate, Caffeine<Object, Object> spec) {
        super(delegate, spec);
    }

    @Override
    protected CaseId idOf(ServiceCase aggregate) {
        return aggregate.id();
    }

    @Override
    public Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request) {
        return delegate.findByCustomer(customerId, request);
    }
}
