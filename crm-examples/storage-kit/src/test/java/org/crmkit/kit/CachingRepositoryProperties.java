package org.crmkit.kit;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.cache.CachingServiceCaseRepository;
import org.crmkit.core.cache.CachingTouchpointRepository;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;

/** The decorator with a tiny cache, so that evictions happen during the action chains too. */
class CachingRepositoryProperties implements CustomerRepositoryProperties, TouchpointRepositoryProperties {
    @Override
    public CustomerRepository createRepository() {
        return new CachingCustomerRepository(new InMemoryCustomerRepository(), Caffeine.newBuilder().maximumSize(3));
    }

    @Override
    public TouchpointRepository createTouchpoints() {
        return new CachingTouchpointRepository(new InMemoryTouchpointRepository(), Caffeine.newBuilder().maximumSize(3));
    }

    @Override
    public ServiceCaseRepository createCases() {
        return new CachingServiceCaseRepository(new InMemoryServiceCaseRepository(),
                Caffeine.newBuilder().maximumSize(3));
    }
}
