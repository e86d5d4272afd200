package org.crmkit.jdbc;

import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.kit.TouchpointRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class PostgresTouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    private TestDatabase database;

    @Override
    protected TouchpointRepository createRepository() {
        database = TestDatabase.postgres();
        return JdbcStores.open(database).touchpoints();
    }

    @Override
    protected void breakStore() {
        database.breakIt();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
