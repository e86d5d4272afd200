package org.crmkit.loyalty.member;

import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.common.StaffId;
import org.crmkit.loyalty.internal.Checks;

/**
 * A tier set by an agent and held there: qualifying, period reviews and reversals leave the member's tier alone
 * until the lock is released. Immutable.
 *
 * @param tier the tier held
 * @param at when it was locked
 * @param reason why, in words
 * @param by the agent who locked it
 */
public record TierLock(String tier, Instant at, String reason, StaffId by) {
    /** Validates the lock. */
    public TierLock {
        Checks.code("tier", tier);
        Objects.requireNonNull(at, "at");
        reason = Checks.text("reason", reason, 500);
        Objects.requireNonNull(by, "by");
    }
}
