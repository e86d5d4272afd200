package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.util.Objects;

import org.crmkit.core.common.Decimals;

/**
 * What a member did in a qualification period, counted against tier thresholds. Immutable.
 *
 * @param qualifyingPoints qualifying points earned, net of reversals
 * @param spend spend in the program's currency, net of reversals
 * @param activities earning touchpoints, net of reversals
 */
public record Qualification(long qualifyingPoints, BigDecimal spend, long activities) {
    /** Nothing yet. */
    public static final Qualification NONE = new Qualification(0, BigDecimal.ZERO, 0);

    /** Normalises the spend. */
    public Qualification {
        spend = Decimals.bounded("spend", spend).stripTrailingZeros();
    }
}
