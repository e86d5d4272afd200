package org.crmkit.jdbc;

class H2OutboxStoreContractTest extends JdbcOutboxStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
