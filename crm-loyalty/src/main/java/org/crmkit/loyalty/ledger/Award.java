package org.crmkit.loyalty.ledger;

import org.crmkit.loyalty.internal.Checks;

/**
 * The points one earning rule gave for one touchpoint. Immutable.
 *
 * @param rule the earning rule's id
 * @param points positive
 * @param qualifying whether they count toward tier status
 */
public record Award(String rule, long points, boolean qualifying) {
    /** Validates the award. */
    public Award {
        Checks.code("rule", rule);
        Checks.positive("award points", points);
    }
}
