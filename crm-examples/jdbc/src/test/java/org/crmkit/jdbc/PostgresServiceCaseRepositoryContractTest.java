package org.crmkit.jdbc;

import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.kit.ServiceCaseRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class PostgresServiceCaseRepositoryContractTest extends ServiceCaseRepositoryContract {
    private TestDatabase database;

    @Override
    protected ServiceCaseRepository createRepository() {
        database = TestDatabase.postgres();
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
