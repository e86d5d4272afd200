package org.crmkit.core.event;

/**
 * A listener that receives each event with its {@link EventId}, which is the same on every delivery of the event:
 * delivery through the {@link Outbox} is at least once, so a listener that must not act twice on one event (send
 * one email, post one ledger entry) remembers the ids it handled.
 */
@FunctionalInterface
public interface DeliveryListener extends CrmEventListener {
    /**
     * Handles an event with its id. An exception thrown here is reported and otherwise ignored, as with
     * {@link CrmEventListener#on}.
     *
     * @param delivery the event and its id
     */
    void onDelivery(StoredEvent delivery);

    /** Handles an event published without an id of its own, under a new random id. */
    @Override
    default void on(CrmEvent event) {
        onDelivery(new StoredEvent(EventId.random(), event));
    }
}
