package org.crmkit.core.servicelevel;

import java.util.Set;

import org.crmkit.core.customer.CustomerId;

/**
 * Which segments a customer belongs to, for policies whose condition names segments (gold members get a faster
 * promise). crm-core does not evaluate segment rules; the host answers from crm-segmentation's compiled segments or
 * from a membership it keeps. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SegmentMembership {
    /** Belongs to no segment: policies that name segments never apply. */
    SegmentMembership NONE = customer -> Set.of();

    /**
     * The customer's segments.
     *
     * @param customer the customer
     * @return the names of the segments the customer belongs to now
     */
    Set<String> segmentsOf(CustomerId customer);
}
