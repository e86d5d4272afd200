package org.crmkit.jdbc;

class PostgresOutboxStoreContractTest extends JdbcOutboxStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
