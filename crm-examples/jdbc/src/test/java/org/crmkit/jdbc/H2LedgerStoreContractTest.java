package org.crmkit.jdbc;

class H2LedgerStoreContractTest extends JdbcLedgerStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
