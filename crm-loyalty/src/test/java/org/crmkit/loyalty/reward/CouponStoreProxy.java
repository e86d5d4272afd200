package org.crmkit.loyalty.reward;

import java.util.concurrent.atomic.AtomicBoolean;

import org.crmkit.core.CrmException;
import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.loyalty.spi.ForwardingCouponStore;

/** A coupon store that fails to issue while told to, as a store does when its database is unreachable. */
final class CouponStoreProxy extends ForwardingCouponStore {
    private final AtomicBoolean fail;

    CouponStoreProxy(CouponStore inner, AtomicBoolean fail) {
        super(inner);
        this.fail = fail;
    }

    @Override
    public Outcome issue(Coupon coupon, int stock, int perMember) {
        if (fail.get()) {
            throw new CrmException("coupon store unreachable");
        }
        return super.issue(coupon, stock, perMember);
    }
}
