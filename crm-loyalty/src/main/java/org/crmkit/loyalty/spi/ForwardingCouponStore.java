package org.crmkit.loyalty.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;

/**
 * A coupon store that passes every call to another, for decorators that change or observe a few of them
 * (metering, tests' deliberately broken stores), in the manner of Guava's forwarding collections. As thread-safe as
 * the store it forwards to.
 */
public abstract class ForwardingCouponStore implements CouponStore {
    private final CouponStore delegate;

    /**
     * Forwards to a store.
     *
     * @param delegate the store that keeps the coupons
     */
    protected ForwardingCouponStore(CouponStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Outcome issue(Coupon coupon, int stock, int perMember) {
        return delegate.issue(coupon, stock, perMember);
    }

    @Override
    public void replace(Coupon next) {
        delegate.replace(next);
    }

    @Override
    public Optional<Coupon> find(String code) {
        return delegate.find(code);
    }

    @Override
    public Optional<Coupon> findByKey(MemberNumber member, IdempotencyKey key) {
        return delegate.findByKey(member, key);
    }

    @Override
    public List<Coupon> findByMember(MemberNumber member) {
        return delegate.findByMember(member);
    }

    @Override
    public long issued(String campaign) {
        return delegate.issued(campaign);
    }
}
