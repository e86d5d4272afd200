package org.crmkit.jdbc;

import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.kit.loyalty.LedgerStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The ledger-store contract on a fresh database of a subclass's kind. */
abstract class JdbcLedgerStores extends LedgerStoreContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected LedgerStore createStore() {
        database = newDatabase();
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
