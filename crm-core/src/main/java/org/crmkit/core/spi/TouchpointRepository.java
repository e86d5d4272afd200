package org.crmkit.core.spi;

import java.util.stream.Stream;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;

/**
 * Stores touchpoints. Besides the promises of {@link Repository}, a customer's touchpoints can be read by time
 * window, in order of {@link Touchpoint#occurredAt()} and then of id (by {@link String#compareTo} of the id's
 * value; touchpoints at one instant come in id order, never in the order they were recorded). A customer's
 * history lists exactly the touchpoints stored under that customer now: a deleted touchpoint leaves it, and one
 * saved under another customer moves to the other's. {@link TimeWindow#ALL} selects every touchpoint, whatever its
 * time.
 */
public interface TouchpointRepository extends Repository<Touchpoint, TouchpointId> {

    /**
     * Reads a customer's touchpoints in a time window.
     *
     * @param customerId the customer
     * @param window the half-open window of {@code occurredAt}
     * @param request the page wanted
     * @return one page, ordered by occurredAt and then id
     */
    Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request);

    /**
     * Streams a customer's touchpoints in a time window, page by page, in the order of
     * {@link #findByCustomer}.
     *
     * @param customerId the customer
     * @param window the half-open window
     * @return the touchpoints; the stream reads lazily
     */
    default Stream<Touchpoint> streamByCustomer(CustomerId customerId, TimeWindow window) {
        return Pages.stream(request -> findByCustomer(customerId, window, request));
    }
}
