package org.crmkit.jdbc;

class PostgresLedgerStoreContractTest extends JdbcLedgerStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
