package org.crmkit.core.servicelevel;

import java.time.Instant;

import org.crmkit.core.internal.Checks;

/**
 * An escalation step an item reached, and when. Immutable.
 *
 * @param step the step
 * @param at the instant the item's elapsed business time reached the step
 */
public record FiredStep(EscalationStep step, Instant at) {
    /** Checks for nulls. */
    public FiredStep {
        Checks.notNull("step", step);
        Checks.notNull("at", at);
    }
}
