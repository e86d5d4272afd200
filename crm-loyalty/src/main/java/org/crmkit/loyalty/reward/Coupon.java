package org.crmkit.loyalty.reward;

import java.time.Instant;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.jspecify.annotations.Nullable;

/**
 * One issued coupon or voucher: a code the member shows at the till, redeemed once. Immutable; the state changes
 * return new values at the next version.
 *
 * @param code the code issued, as {@link CouponCodes} makes them
 * @param campaign the campaign's code
 * @param member who holds it
 * @param key the key it was issued under: issuing again under it returns this coupon
 * @param value what it is worth
 * @param pointsCost the points paid for it (a voucher), or zero
 * @param issuedAt when it was issued
 * @param validFrom the first instant it may be redeemed
 * @param validUntil the instant from which it no longer may
 * @param status where it stands
 * @param redeemedAt when it was redeemed, while it stands redeemed
 * @param reference what it was redeemed against (a sale's touchpoint id), while it stands redeemed
 * @param version 0 when issued, one more at each change
 */
public record Coupon(String code, String campaign, MemberNumber member, IdempotencyKey key, Money value,
                     long pointsCost, Instant issuedAt, Instant validFrom, Instant validUntil, Status status,
                     @Nullable Instant redeemedAt, @Nullable String reference, long version) {

    /** Where a coupon stands. */
    public enum Status {
        /** Issued and not yet redeemed. */
        ISSUED,
        /** Redeemed; a reversed redemption makes it {@link #ISSUED} again. */
        REDEEMED,
        /** Cancelled before redemption; a voucher's points were given back. */
        VOID
    }

    /** Validates the coupon. */
    public Coupon {
        code = CouponCodes.check(code);
        campaign = Checks.code("coupon campaign", campaign);
        Checks.notNull("member", member);
        Checks.notNull("key", key);
        Checks.notNull("value", value);
        Checks.nonNegative("coupon " + code + " pointsCost", pointsCost);
        Checks.notNull("issuedAt", issuedAt);
        Checks.notNull("validFrom", validFrom);
        Checks.notNull("validUntil", validUntil);
        if (!validUntil.isAfter(validFrom)) {
            throw new RuleViolationException("coupon " + code + " validUntil must be after validFrom " + validFrom
                    + ": " + validUntil);
        }
        Checks.notNull("status", status);
        boolean redeemed = status == Status.REDEEMED;
        if (redeemed != (redeemedAt != null) || redeemed != (reference != null)) {
            throw new RuleViolationException("coupon " + code + " has a redemption time and reference exactly when "
                    + "it is redeemed: " + status + ", " + redeemedAt + ", " + reference);
        }
        if (reference != null) {
            reference = Checks.text("coupon " + code + " reference", reference, 200);
        }
        Checks.nonNegative("coupon " + code + " version", version);
    }

    /** {@return true when it may be redeemed at the instant} @param at the instant */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    /**
     * {@return this coupon redeemed, at the next version}
     *
     * @param at when
     * @param against what it was redeemed against
     */
    public Coupon redeemed(Instant at, String against) {
        return new Coupon(code, campaign, member, key, value, pointsCost, issuedAt, validFrom, validUntil,
                Status.REDEEMED, Checks.notNull("at", at), against, version + 1);
    }

    /**
     * {@return this coupon held by another member under another key, as it stands, at the next version}: a merge of
     * two members moves the duplicate's coupons to the survivor.
     *
     * @param holder the new holder
     * @param issueKey its key with the new holder
     */
    public Coupon heldBy(MemberNumber holder, IdempotencyKey issueKey) {
        return new Coupon(code, campaign, Checks.notNull("holder", holder), Checks.notNull("issueKey", issueKey),
                value, pointsCost, issuedAt, validFrom, validUntil, status, redeemedAt, reference, version + 1);
    }

    /** {@return this coupon issued again after its redemption was reversed, at the next version} */
    public Coupon unredeemed() {
        return withStatus(Status.ISSUED);
    }

    /** {@return this coupon cancelled, at the next version} */
    public Coupon voided() {
        return withStatus(Status.VOID);
    }

    private Coupon withStatus(Status next) {
        return new Coupon(code, campaign, member, key, value, pointsCost, issuedAt, validFrom, validUntil, next,
                null, null, version + 1);
    }
}
