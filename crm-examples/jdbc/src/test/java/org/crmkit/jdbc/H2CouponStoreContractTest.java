package org.crmkit.jdbc;

class H2CouponStoreContractTest extends JdbcCouponStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
