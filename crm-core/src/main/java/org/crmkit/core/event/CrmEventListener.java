package org.crmkit.core.event;

/**
 * Receives domain events. Called on the writing thread after the write committed, or by
 * {@link Outbox#deliverPending()} for events a crash left undelivered. A listener that needs each event's id, to
 * act once however often an event is delivered, implements {@link DeliveryListener}.
 */
@FunctionalInterface
public interface CrmEventListener {
    /**
     * Handles an event. An exception thrown here is reported: it never undoes the write and never stops other
     * listeners from being called, and the event stays in the outbox for the next {@link Outbox#deliverPending()},
     * which gives it to every listener again.
     *
     * @param event the event
     */
    void on(CrmEvent event);
}
