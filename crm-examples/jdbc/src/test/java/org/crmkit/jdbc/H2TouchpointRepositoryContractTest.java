package org.crmkit.jdbc;

import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.kit.TouchpointRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class H2TouchpointRepositoryContractTest extends TouchpointRepositoryContract {
    private TestDatabase database;

    @Override
    protected TouchpointRepository createRepository() {
        database = TestDatabase.h2();
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
