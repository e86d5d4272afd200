package org.crmkit.core.unify;

import java.util.List;
import java.util.Set;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;

/**
 * What {@link IdentityResolver#resolve} found among a set of profiles. Immutable.
 *
 * @param model the model estimated from the profiles
 * @param matches the pairs advised to merge or to review, most probable first
 * @param clusters the groups of profiles that the merges join (each sorted by id, two or more profiles), largest
 *                 first
 * @param profiles how many profiles were resolved
 * @param candidatePairs how many pairs the blocking rules put forward and the model scored
 * @param oversizedBlocks how many blocks were too large to compare within, and were left out (a value shared by
 *                        too many profiles, such as a shop's own phone number, is no evidence of one person)
 */
public record Resolution(MatchModel model, List<CandidateMatch> matches, List<Set<CustomerId>> clusters,
                         int profiles, long candidatePairs, long oversizedBlocks) {
    /** Validates the resolution. */
    public Resolution {
        Checks.notNull("model", model);
        matches = Checks.list("matches", matches);
        clusters = Checks.list("clusters", clusters);
    }

    /**
     * The pairs with one decision.
     *
     * @param decision merge or review
     * @return those pairs, most probable first
     */
    public List<CandidateMatch> matches(MatchDecision decision) {
        Checks.notNull("decision", decision);
        return matches.stream().filter(m -> m.decision() == decision).toList();
    }
}
