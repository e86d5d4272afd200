package org.crmkit.core.unify;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;

/**
 * A pair of profiles that may describe one customer, with its score. Immutable; {@link IdentityResolver#explain}
 * gives the evidence field by field.
 *
 * @param left one profile, the one first in id order
 * @param right the other
 * @param weight the match weight in bits
 * @param probability the probability that the two describe one customer
 * @param decision the advice at the resolver's thresholds
 */
public record CandidateMatch(CustomerId left, CustomerId right, double weight, double probability,
                             MatchDecision decision) {
    /** Validates the pair. */
    public CandidateMatch {
        Checks.notNull("left", left);
        Checks.notNull("right", right);
        Checks.unitInterval("probability", probability);
        Checks.notNull("decision", decision);
    }
}
