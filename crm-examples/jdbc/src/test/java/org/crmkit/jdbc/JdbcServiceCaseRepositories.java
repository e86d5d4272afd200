package org.crmkit.jdbc;

import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.kit.ServiceCaseRepositoryContract;
import org.junit.jupiter.api.AfterEach;

/** The service-case repository contract on a fresh database of a subclass's kind. */
abstract class JdbcServiceCaseRepositories extends ServiceCaseRepositoryContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected ServiceCaseRepository createRepository() {
        database = newDatabase();
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
