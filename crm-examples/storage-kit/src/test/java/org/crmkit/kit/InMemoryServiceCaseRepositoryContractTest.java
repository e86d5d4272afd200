package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.spi.ServiceCaseRepository;

class InMemoryServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    @Override
    protected ServiceCaseRepository createRepository() {
        return new InMemoryServiceCaseRepository();
    }
}
