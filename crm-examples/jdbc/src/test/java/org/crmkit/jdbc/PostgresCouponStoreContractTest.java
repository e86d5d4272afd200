package org.crmkit.jdbc;

class PostgresCouponStoreContractTest extends JdbcCouponStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
