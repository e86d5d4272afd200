package org.crmkit.jdbc;

class PostgresServiceLevelFlowTest extends JdbcServiceLevelFlows {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
