package org.crmkit.core.servicelevel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.internal.Checks;

/**
 * What one unit of improvement is worth (C3: each day a card reaches the customer sooner earns about 0.33 USD).
 * Immutable.
 *
 * @param amount the worth of one unit
 * @param per the unit of time, such as one day
 */
public record UnitWorth(Money amount, Duration per) {
    /** Validates the worth. */
    public UnitWorth {
        Checks.notNull("amount", amount);
        Checks.notNull("per", per);
        if (per.isNegative() || per.isZero()) {
            throw new RuleViolationException("worth must be per a positive time: " + per);
        }
    }

    /**
     * The worth of a saving, pro rata.
     *
     * @param saved the time saved; negative for time lost
     * @return the amount times the saved units
     */
    public Money of(Duration saved) {
        Checks.notNull("saved", saved);
        BigDecimal units = new BigDecimal(saved.toNanos()).divide(new BigDecimal(per.toNanos()), MathContext.DECIMAL64);
        return amount.times(units);
    }
}
