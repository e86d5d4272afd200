package org.crmkit.jdbc;

import org.crmkit.kit.loyalty.LedgerStoreContract;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;
import org.junit.jupiter.api.AfterEach;

/** The ledger-store contract on a fresh database of a subclass's kind. */
abstract class JdbcLedgerStores extends LedgerStoreContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    private JdbcStores stores;

    @Override
    protected LedgerStore createStore() {
        database = newDatabase();
        stores = JdbcStores.open(database);
        return stores.ledger();
    }

    @Override
    protected MemberRepository checkedMembers() {
        return stores.members();
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
