package org.crmkit.loyalty.event;

/** Receives a ledger's events. Called on the writing thread, after the change is stored. */
@FunctionalInterface
public interface LoyaltyEventListener {
    /**
     * Handles an event. An exception thrown here is logged and otherwise ignored: it never undoes the change and
     * never stops the other listeners.
     *
     * @param event the event
     */
    void on(LoyaltyEvent event);
}
