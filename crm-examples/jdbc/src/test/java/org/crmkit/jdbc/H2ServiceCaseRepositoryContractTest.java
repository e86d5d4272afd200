package org.crmkit.jdbc;

import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.kit.ServiceCaseRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class H2ServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    private TestDatabase database;

    @Override
    protected ServiceCaseRepository createRepository() {
        database = TestDatabase.h2();
        return JdbcStores.open(database).cases();
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
