package org.crmkit.jdbc;

import org.crmkit.core.spi.ClockStore;
import org.crmkit.kit.ClockStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2ClockStoreContractTest extends ClockStoreContract {
    private TestDatabase database;

    @Override
    protected ClockStore createRepository() {
        database = TestDatabase.h2();
        return JdbcStores.open(database).clocks();
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
