package org.crmkit.core.event;

/** Receives domain events. Called on the writing thread, after the write succeeded. */
@FunctionalInterface
public interface CrmEventListener {
    /**
     * Handles an event. An exception thrown here is reported and otherwise ignored: it never undoes the write
     * and never stops other listeners from being called.
     *
     * @param event the event
     */
    void on(CrmEvent event);
}
