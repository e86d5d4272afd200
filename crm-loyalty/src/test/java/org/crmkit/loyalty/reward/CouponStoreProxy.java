package org.crmkit.loyalty.reward;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crmkit.core.CrmException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.CouponStore;

/** A coupon store that fails to issue while told to, as a store does when its database is unreachable. */
final class CouponStoreProxy implements CouponStore {
    private final CouponStore inner;
    private final AtomicBoolean fail;

    CouponStoreProxy(CouponStore inner, AtomicBoolean fail) {
        this.inner = inner;
        this.fail = fail;
    }

    @Override
    public Outcome issue(Coupon coupon, int stock, int perMember) {
        if (fail.get()) {
            throw new CrmException("coupon store unreachable");
        }
        return inner.issue(coupon, stock, perMember);
    }

    @Override
    public void replace(Coupon next) {
        inner.replace(next);
    }

    @Override
    public Optional<Coupon> find(String code) {
        return inner.find(code);
    }

    @Override
    public Optional<Coupon> findByKey(MemberNumber member, IdempotencyKey key) {
        return inner.findByKey(member, key);
    }

    @Override
    public List<Coupon> findByMember(MemberNumber member) {
        return inner.findByMember(member);
    }

    @Override
    public long issued(String campaign) {
        return inner.issued(campaign);
    }
}
