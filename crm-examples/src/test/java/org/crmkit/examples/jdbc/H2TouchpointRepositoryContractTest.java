package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.TouchpointRepositoryContract;
import org.crmkit.core.spi.TouchpointRepository;

class H2TouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    @Override
    protected TouchpointRepository createRepository() {
        return JdbcStores.open(Databases.h2()).touchpoints();
    }
}
