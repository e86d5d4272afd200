package org.crmkit.core.event;

import org.crmkit.core.internal.Checks;

/**
 * An event with the id it keeps across deliveries: stored in the outbox with the write that made it so, and
 * delivered at least once. Immutable.
 *
 * @param id the event's id
 * @param event the event
 */
public record StoredEvent(EventId id, CrmEvent event) {
    /** Checks for nulls. */
    public StoredEvent {
        Checks.notNull("id", id);
        Checks.notNull("event", event);
    }
}
