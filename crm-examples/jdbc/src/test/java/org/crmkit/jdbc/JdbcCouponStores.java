package org.crmkit.jdbc;

import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.kit.loyalty.CouponStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The coupon-store contract on a fresh database of a subclass's kind. */
abstract class JdbcCouponStores extends CouponStoreContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected CouponStore createStore() {
        database = newDatabase();
        return JdbcStores.open(database).coupons();
    }

    @Override
    protected void breakStore() {
        database.breakIt();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
