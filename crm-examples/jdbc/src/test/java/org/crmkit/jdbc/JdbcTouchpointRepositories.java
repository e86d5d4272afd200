package org.crmkit.jdbc;

import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.kit.TouchpointRepositoryContract;
import org.junit.jupiter.api.AfterEach;

/** The touchpoint-repository contract on a fresh database of a subclass's kind. */
abstract class JdbcTouchpointRepositories extends TouchpointRepositoryContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected TouchpointRepository createRepository() {
        database = newDatabase();
        return JdbcStores.open(database).touchpoints();
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
