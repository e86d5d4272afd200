package org.crmkit.jdbc;

import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.kit.CustomerRepositoryContract;
import org.junit.jupiter.api.AfterEach;

/** The customer-repository contract on a fresh database of a subclass's kind. */
abstract class JdbcCustomerRepositories extends CustomerRepositoryContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected CustomerRepository createRepository() {
        database = newDatabase();
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
