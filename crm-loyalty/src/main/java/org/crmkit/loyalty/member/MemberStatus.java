package org.crmkit.loyalty.member;

/** Where a membership stands. */
public enum MemberStatus {
    /** Earns and redeems. */
    ACTIVE,
    /** Neither earns nor redeems until reactivated; reversals, adjustments and expiry still apply. */
    SUSPENDED,
    /** Ended; like suspended, for good. */
    CLOSED;

    /** {@return whether the member may earn and redeem} */
    public boolean canEarnAndRedeem() {
        return this == ACTIVE;
    }
}
