package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;

class InMemoryCustomerRepositoryContractTest extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository createRepository() {
        return new InMemoryCustomerRepository();
    }
}
