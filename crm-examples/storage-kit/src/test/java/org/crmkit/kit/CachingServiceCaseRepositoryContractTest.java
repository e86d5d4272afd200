package org.crmkit.kit;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.cache.CachingServiceCaseRepository;
import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.spi.ServiceCaseRepository;

class CachingServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    @Override
    protected ServiceCaseRepository createRepository() {
        return new CachingServiceCaseRepository(new InMemoryServiceCaseRepository(), Caffeine.newBuilder().maximumSize(100));
    }
}
