package org.crmkit.jdbc;

class H2ClockStoreContractTest extends JdbcClockStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
