package org.crmkit.core.privacy;

import org.crmkit.core.customer.CustomerId;

/**
 * A part of the host or of another crmkit module that holds personal data about customers (a loyalty ledger, a
 * segment snapshot, a search index) and erases it when crm-core erases a customer. Participants run after the
 * customer's touchpoints and cases are scrubbed and before the profile is deleted; an erasure that fails is run
 * again from the start, so a participant must be idempotent.
 */
@FunctionalInterface
public interface ErasureParticipant {

    /**
     * Erases or scrubs what this participant holds about the customer.
     *
     * @param customer the customer being erased
     * @param anonymous the id that keeps statistics together without identity; the same on every re-run
     * @return what was erased, in words, for the certificate; empty when there was nothing
     */
    String erase(CustomerId customer, CustomerId anonymous);
}
