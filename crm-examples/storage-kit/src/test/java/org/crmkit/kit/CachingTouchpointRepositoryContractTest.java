package org.crmkit.kit;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.cache.CachingTouchpointRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.TouchpointRepository;

class CachingTouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    @Override
    protected TouchpointRepository createRepository() {
        return new CachingTouchpointRepository(new InMemoryTouchpointRepository(), Caffeine.newBuilder().maximumSize(100));
    }
}
