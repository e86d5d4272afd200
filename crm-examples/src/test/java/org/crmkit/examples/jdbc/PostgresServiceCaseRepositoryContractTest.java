package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.ServiceCaseRepositoryContract;
import org.crmkit.core.spi.ServiceCaseRepository;

class PostgresServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    @Override
    protected ServiceCaseRepository createRepository() {
        return JdbcStores.open(Databases.postgres()).cases();
    }
}
