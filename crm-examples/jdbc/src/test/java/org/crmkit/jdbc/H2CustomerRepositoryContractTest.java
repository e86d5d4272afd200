package org.crmkit.jdbc;

import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.kit.CustomerRepositoryContract;
import org.junit.jupiter.api.AfterEach;

class H2CustomerRepositoryContractTest extends CustomerRepositoryContract {
    private TestDatabase database;

    @Override
    protected CustomerRepository createRepository() {
        database = TestDatabase.h2();
        return JdbcStores.open(database).customers();
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
