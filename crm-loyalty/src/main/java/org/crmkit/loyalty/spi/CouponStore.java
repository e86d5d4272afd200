package org.crmkit.loyalty.spi;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;

/**
 * Stores issued coupons and vouchers. Implementations are thread-safe.
 *
 * <p>{@link #issue} is the one place where limits are kept, so it decides atomically: of any number of writers
 * issuing at once, no more coupons of a campaign are stored than its stock, nor more to one member than the
 * per-member limit, and a member's issue key is used once. A coupon's later states are stored by
 * {@link #replace}, which compares versions. Coupons are never deleted (a cancelled one stays {@code VOID}) and
 * are found by code, by member and key, and by member. Store failures are reported as
 * {@link org.crmkit.core.CrmException}s. The contract kit ({@code crm-loyalty-storage-kit}) checks these promises.
 */
public interface CouponStore {

    /** What {@link #issue} decided. */
    enum Outcome {
        /** The coupon is stored. */
        ISSUED,
        /** The member already holds a coupon issued under the key; nothing was stored. */
        KEY_USED,
        /** Another coupon holds the code; nothing was stored. */
        CODE_TAKEN,
        /** The campaign has issued its stock; nothing was stored. */
        OUT_OF_STOCK,
        /** The member holds as many of the campaign's coupons as one may; nothing was stored. */
        LIMIT_REACHED
    }

    /**
     * Stores a new coupon (at version 0) when its key, its code and the limits allow, checked in this order.
     * Every coupon issued counts against the limits, whatever its status since.
     *
     * @param coupon the coupon
     * @param stock the most coupons of its campaign
     * @param perMember the most coupons of its campaign one member may hold
     * @return what was decided
     */
    Outcome issue(Coupon coupon, int stock, int perMember);

    /**
     * Stores a coupon's new state, its holder and key included (a merge moves a duplicate's coupons to the
     * survivor): it is then found under its new holder and key only, and counts against the new holder's limit.
     *
     * @param next the coupon at its stored version plus one
     * @throws org.crmkit.core.VersionConflictException when the stored version is not one less
     * @throws org.crmkit.core.NotFoundException when no coupon has its code
     * @throws org.crmkit.core.DuplicateException when the new holder already holds a coupon under the key; nothing
     *     is stored
     */
    void replace(Coupon next);

    /** {@return the coupon with the code, or empty} @param code the code */
    Optional<Coupon> find(String code);

    /**
     * Finds the coupon a member was issued under a key.
     *
     * @param member the member
     * @param key the issue key
     * @return the coupon, or empty
     */
    Optional<Coupon> findByKey(MemberNumber member, IdempotencyKey key);

    /** The order of {@link #findByMember}: by time of issue, coupons issued at one instant by code. */
    Comparator<Coupon> OLDEST_FIRST = Comparator.comparing(Coupon::issuedAt).thenComparing(Coupon::code);

    /** {@return the member's coupons, {@link #OLDEST_FIRST oldest first}} @param member the member */
    List<Coupon> findByMember(MemberNumber member);

    /** {@return how many coupons the campaign has issued} @param campaign the campaign's code */
    long issued(String campaign);
}
