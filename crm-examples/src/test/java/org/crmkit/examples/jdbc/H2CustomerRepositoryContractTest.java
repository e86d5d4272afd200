package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.CustomerRepositoryContract;
import org.crmkit.core.spi.CustomerRepository;

class H2CustomerRepositoryContractTest extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository createRepository() {
        return JdbcStores.open(Databases.h2()).customers();
    }
}
