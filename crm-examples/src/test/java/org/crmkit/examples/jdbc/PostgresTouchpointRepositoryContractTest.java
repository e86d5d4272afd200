package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.TouchpointRepositoryContract;
import org.crmkit.core.spi.TouchpointRepository;

class PostgresTouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    @Override
    protected TouchpointRepository createRepository() {
        return JdbcStores.open(Databases.postgres()).touchpoints();
    }
}
