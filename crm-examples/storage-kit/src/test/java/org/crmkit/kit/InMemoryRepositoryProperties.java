package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;

class InMemoryRepositoryProperties implements CustomerRepositoryProperties, TouchpointRepositoryProperties {
    @Override
    public CustomerRepository createRepository() {
        return new InMemoryCustomerRepository();
    }

    @Override
    public TouchpointRepository createTouchpoints() {
        return new InMemoryTouchpointRepository();
    }

    @Override
    public ServiceCaseRepository createCases() {
        return new InMemoryServiceCaseRepository();
    }
}
