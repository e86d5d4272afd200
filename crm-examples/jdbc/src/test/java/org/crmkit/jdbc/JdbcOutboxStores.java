package org.crmkit.jdbc;

import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.Transactions;
import org.crmkit.kit.OutboxStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The outbox contract on a fresh database of a subclass's kind, with the adapter's transactions. */
abstract class JdbcOutboxStores extends OutboxStoreContract {
    private TestDatabase database;
    private JdbcStores stores;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected OutboxStore createStore() {
        database = newDatabase();
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
