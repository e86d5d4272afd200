package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.CustomerRepositoryContract;
import org.crmkit.core.spi.CustomerRepository;

class PostgresCustomerRepositoryContractTest extends CustomerRepositoryContract {
    @Override
    protected CustomerRepository createRepository() {
        return JdbcStores.open(Databases.postgres()).customers();
    }
}
