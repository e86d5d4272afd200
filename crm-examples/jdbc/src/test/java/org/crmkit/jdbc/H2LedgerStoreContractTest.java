package org.crmkit.jdbc;

import org.crmkit.kit.loyalty.LedgerStoreContract;
import org.crmkit.loyalty.spi.LedgerStore;
import org.junit.jupiter.api.AfterEach;

class H2LedgerStoreContractTest extends LedgerStoreContract {
    private TestDatabase database;

    @Override
    protected LedgerStore createStore() {
        database = TestDatabase.h2();
        return JdbcStores.open(database).ledger();
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
