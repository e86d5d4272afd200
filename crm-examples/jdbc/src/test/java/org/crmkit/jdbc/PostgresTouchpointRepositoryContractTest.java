package org.crmkit.jdbc;

class PostgresTouchpointRepositoryContractTest extends JdbcTouchpointRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
