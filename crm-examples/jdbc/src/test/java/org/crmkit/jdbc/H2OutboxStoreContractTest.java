package org.crmkit.jdbc;

import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.Transactions;
import org.crmkit.kit.OutboxStoreContract;
import org.junit.jupiter.api.AfterEach;

class H2OutboxStoreContractTest extends OutboxStoreContract {
    private TestDatabase database;
    private JdbcStores stores;

    @Override
    protected OutboxStore createStore() {
        database = TestDatabase.h2();
        stores = JdbcStores.open(database);
        return stores.outbox();
    }

    @Override
    protected Transactions transactions() {
        return stores.transactions();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
