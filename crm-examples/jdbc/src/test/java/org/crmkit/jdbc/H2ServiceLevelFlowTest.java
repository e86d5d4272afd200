package org.crmkit.jdbc;

class H2ServiceLevelFlowTest extends JdbcServiceLevelFlows {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
