package org.crmkit.core.servicelevel;

import java.time.Duration;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * A step of an escalation ladder: once an item's clock has run this long, the action is due (C5: after 2 minutes
 * take the order, after 10 minutes bring drinks). Immutable.
 *
 * @param after elapsed business time at which the step is reached; positive
 * @param action lower-case code of what to do, such as {@code "take-order"}
 */
public record EscalationStep(Duration after, String action) {
    /** Validates the step. */
    public EscalationStep {
        Checks.notNull("after", after);
        if (after.isNegative() || after.isZero()) {
            throw new RuleViolationException("escalation step must come after a positive time: " + after);
        }
        action = Checks.code("escalation action", action);
    }
}
