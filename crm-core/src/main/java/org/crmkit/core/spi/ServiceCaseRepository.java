package org.crmkit.core.spi;

import java.util.stream.Stream;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;

/**
 * Stores service cases. Besides the promises of {@link Repository}, a customer's cases can be read in order of
 * {@link ServiceCase#openedAt()} and then of id (by {@link String#compareTo} of the id's value). A customer's
 * cases are exactly those stored under that customer now: a deleted case leaves the list, and a case saved under
 * another customer moves to the other's.
 */
public interface ServiceCaseRepository extends Repository<ServiceCase, CaseId> {

    /**
     * Reads a customer's cases.
     *
     * @param customerId the customer
     * @param request the page wanted
     * @return one page, ordered by openedAt and then id
     */
    Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request);

    /**
     * Streams a customer's cases, page by page, in the order of {@link #findByCustomer}.
     *
     * @param customerId the customer
     * @return the cases; the stream reads lazily
     */
    default Stream<ServiceCase> streamByCustomer(CustomerId customerId) {
        return Pages.stream(request -> findByCustomer(customerId, request));
    }
}
