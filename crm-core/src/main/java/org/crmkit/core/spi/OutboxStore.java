package org.crmkit.core.spi;

import java.util.Collection;
import java.util.List;

import org.crmkit.core.event.EventId;
import org.crmkit.core.event.StoredEvent;

/**
 * The transactional outbox's storage: events are appended inside the transaction of the write that made them (see
 * {@link Transactions}), so an event is stored exactly when its write is, and removed once delivered. What a crash
 * left between the commit and the delivery stays pending and is delivered later, with the same id.
 * Implementations must be thread-safe.
 */
public interface OutboxStore {
    /**
     * Stores events, in the current transaction when there is one.
     *
     * @param events the events, in the order they happened
     */
    void append(List<StoredEvent> events);

    /**
     * The oldest events not yet removed, in the order they were appended.
     *
     * @param limit the most to return, at least 1
     * @return the events
     */
    List<StoredEvent> pending(int limit);

    /**
     * Removes delivered events; ids not held are ignored.
     *
     * @param ids the events' ids
     */
    void remove(Collection<EventId> ids);
}
