package org.crmkit.jdbc;

class H2TouchpointRepositoryContractTest extends JdbcTouchpointRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
