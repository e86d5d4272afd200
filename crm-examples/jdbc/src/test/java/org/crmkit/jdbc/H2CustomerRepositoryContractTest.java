package org.crmkit.jdbc;

class H2CustomerRepositoryContractTest extends JdbcCustomerRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
