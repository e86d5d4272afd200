package org.crmkit.core.cache;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;

/** Caches a {@link TouchpointRepository}'s lookups by id; time-window queries go to the delegate. */
public final class CachingTouchpointRepository
        extends CachingRepository<Touchpoint, TouchpointId, TouchpointRepository> implements TouchpointRepository {

    /**
     * Wraps a repository.
     *
     * @param delegate the repository to cache
     * @param spec the cache settings
     */
    public CachingTouchpointRepository(TouchpointRepository delegate, Caffeine<Object, Object> spec) {
        super(delegate, spec);
    }

    @Override
    protected TouchpointId idOf(Touchpoint aggregate) {
        return aggregate.id();
    }

    @Override
    public Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request) {
        return delegate.findByCustomer(customerId, window, request);
    }
}
