package org.crmkit.jdbc;

import org.crmkit.core.spi.ClockStore;
import org.crmkit.kit.ClockStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The clock-store contract on a fresh database of a subclass's kind. */
abstract class JdbcClockStores extends ClockStoreContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected ClockStore createRepository() {
        database = newDatabase();
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
