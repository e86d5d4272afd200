package org.crmkit.core.privacy;

import java.time.Duration;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.internal.Checks;

/**
 * At most {@code max} outbound contacts for a purpose within any window of length {@code per}, across channels
 * (for example at most 2 marketing contacts a week). Contacts are outbound touchpoints whose
 * {@value ContactPolicy#PURPOSE_ATTRIBUTE} attribute names the purpose. Immutable.
 *
 * @param purpose the purpose counted
 * @param max the most contacts allowed in the window
 * @param per the window length
 */
public record FrequencyCap(Purpose purpose, int max, Duration per) {
    /** Validates the cap. */
    public FrequencyCap {
        Checks.notNull("purpose", purpose);
        Checks.notNull("per", per);
        if (max < 0) {
            throw new RuleViolationException("frequency cap must not be negative: " + max);
        }
        if (per.isNegative() || per.isZero()) {
            throw new RuleViolationException("frequency cap window must be positive: " + per);
        }
    }
}
