package org.crmkit.core.unify;

import java.util.List;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.internal.Checks;

/**
 * A profile that may describe the same customer as another, with what they share. Immutable.
 *
 * @param candidate the other profile
 * @param sharedOn what both hold: contact kinds ({@code "EMAIL"}, {@code "PHONE"}) and external-id systems
 *     ({@code "external:dealer-042"}), sorted; never the contact data itself
 */
public record DuplicateCandidate(Customer candidate, List<String> sharedOn) {
    /** Validates the candidate. */
    public DuplicateCandidate {
        Checks.notNull("candidate", candidate);
        sharedOn = Checks.list("sharedOn", sharedOn);
    }
}
