package org.crmkit.jdbc;

class PostgresCustomerRepositoryContractTest extends JdbcCustomerRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
