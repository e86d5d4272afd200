package org.crmkit.jdbc;

class PostgresClockStoreContractTest extends JdbcClockStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
