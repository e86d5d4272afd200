package org.crmkit.core.spi;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;

/**
 * Stores measured items' clock histories for {@link org.crmkit.core.servicelevel.ServiceLevels}: saves are
 * optimistic on {@link ItemClock#version()} like every repository's, which is what lets two nodes share one store
 * and publish each threshold once. Implementations must be thread-safe.
 */
public interface ClockStore extends Repository<ItemClock, ItemKey> {
    /**
     * Items not yet released, ordered by {@link ItemKey#toString()}, for the periodic check.
     *
     * @param request the page wanted
     * @return the page
     */
    Page<ItemClock> findOpen(PageRequest request);

    /**
     * A customer's items, open or released, ordered by {@link ItemKey#toString()}: for erasure and merges.
     *
     * @param customerId the customer
     * @param request the page wanted
     * @return the page
     */
    Page<ItemClock> findByCustomer(CustomerId customerId, PageRequest request);
}
