package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.TouchpointRepository;

class InMemoryTouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    @Override
    protected TouchpointRepository createRepository() {
        return new InMemoryTouchpointRepository();
    }
}
