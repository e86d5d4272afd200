package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.ServiceCaseRepositoryContract;
import org.crmkit.core.spi.ServiceCaseRepository;

class H2ServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    @Override
    protected ServiceCaseRepository createRepository() {
        return JdbcStores.open(Databases.h2()).cases();
    }
}
