package org.crmkit.core.event;

/**
 * Receives domain events. Called on the writing thread after the write committed, or by
 * {@link Outbox#deliverPending()} for events a crash left undelivered.
 */
@FunctionalInterface
public interface CrmEventListener {
    /**
     * Handles an event. An exception thrown here is reported and otherwise ignored: it never undoes the write
     * and never stops other listeners from being called.
     *
     * @param event the event
     */
    void on(CrmEvent event);

    /**
     * Handles an event with its id, which is the same on every delivery of it: a listener that must not act twice
     * on one event (delivery is at least once, see {@link Outbox}) overrides this to remember the ids it handled.
     *
     * @param delivery the event and its id
     */
    default void onDelivery(StoredEvent delivery) {
        on(delivery.event());
    }
}
