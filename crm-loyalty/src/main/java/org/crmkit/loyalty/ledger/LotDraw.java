package org.crmkit.loyalty.ledger;

import org.crmkit.core.RuleViolationException;

/**
 * A change one entry made to one credit lot: negative when it took points from a lot, positive when it settled
 * part of a negative lot (a debt left by a clawback). Immutable.
 *
 * @param lot the lot: the sequence number of the entry that opened it
 * @param points the change to the lot's remaining points, not zero
 */
public record LotDraw(long lot, long points) {
    /** Validates the draw. */
    public LotDraw {
        if (lot < 1) {
            throw new RuleViolationException("lot must be positive: " + lot);
        }
        if (points == 0) {
            throw new RuleViolationException("lot draw points must not be zero");
        }
    }
}
