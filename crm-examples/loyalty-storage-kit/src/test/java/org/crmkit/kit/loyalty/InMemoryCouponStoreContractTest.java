package org.crmkit.kit.loyalty;

import org.crmkit.loyalty.memory.InMemoryCouponStore;
import org.crmkit.loyalty.spi.CouponStore;

class InMemoryCouponStoreContractTest extends CouponStoreContract {
    @Override
    protected CouponStore createStore() {
        return new InMemoryCouponStore();
    }
}
