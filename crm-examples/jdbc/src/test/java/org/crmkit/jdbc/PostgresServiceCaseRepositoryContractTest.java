package org.crmkit.jdbc;

class PostgresServiceCaseRepositoryContractTest extends JdbcServiceCaseRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
