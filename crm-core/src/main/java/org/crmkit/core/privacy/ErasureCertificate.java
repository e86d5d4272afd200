package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;

/**
 * What an erasure did, for the host's records: the profile deleted, how many touchpoints and cases were scrubbed
 * and moved to an anonymous id, and what was kept without identity. Immutable.
 *
 * @param customerId the erased customer
 * @param erasedAt when the erasure completed
 * @param profileDeleted true when this run deleted the profile (false when an earlier run already had)
 * @param touchpointsScrubbed touchpoints whose personal fields were removed
 * @param casesScrubbed cases whose personal fields were removed
 * @param erased what was removed, in words
 * @param kept what was kept without identity, in words
 */
public record ErasureCertificate(CustomerId customerId, Instant erasedAt, boolean profileDeleted,
                                 int touchpointsScrubbed, int casesScrubbed, List<String> erased,
                                 List<String> kept) {
    /** Checks for nulls and copies the lists. */
    public ErasureCertificate {
        Checks.notNull("customerId", customerId);
        Checks.notNull("erasedAt", erasedAt);
        erased = Checks.list("erased", erased);
        kept = Checks.list("kept", kept);
    }
}
