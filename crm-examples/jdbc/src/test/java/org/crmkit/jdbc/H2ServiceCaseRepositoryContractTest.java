package org.crmkit.jdbc;

class H2ServiceCaseRepositoryContractTest extends JdbcServiceCaseRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
