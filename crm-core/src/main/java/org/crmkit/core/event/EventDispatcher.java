package org.crmkit.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.crmkit.core.internal.Checks;

/**
 * Keeps the registered listeners and calls each of them for every published event, in registration order.
 * A listener that throws is reported to the failure handler and the others are still called. Thread-safe:
 * listeners may be added and removed while events are published.
 */
public final class EventDispatcher {
    private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

    private final List<CrmEventListener> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<CrmEvent, RuntimeException> onFailure;

    /** Creates a dispatcher that logs listener failures as warnings through {@link System.Logger}. */
    public EventDispatcher() {
        this((event, e) -> LOG.log(System.Logger.Level.WARNING,
                "event listener failed on " + event.getClass().getSimpleName() + " for " + event.customerId(), e));
    }

    /**
     * Creates a dispatcher with its own failure handler.
     *
     * @param onFailure called with the event and the exception when a listener throws
     */
    public EventDispatcher(BiConsumer<CrmEvent, RuntimeException> onFailure) {
        this.onFailure = Checks.notNull("onFailure", onFailure);
    }

    /**
     * Registers a listener.
     *
     * @param listener the listener
     * @return a handle whose {@link Subscription#close()} removes the listener
     */
    public Subscription subscribe(CrmEventListener listener) {
        Checks.notNull("listener", listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Calls every listener with the event.
     *
     * @param event the event
     */
    public void publish(CrmEvent event) {
        publish(new StoredEvent(EventId.random(), Checks.notNull("event", event)));
    }

    /**
     * Calls every listener with an event that keeps its id across deliveries.
     *
     * @param stored the event and its id
     * @return true when every listener returned normally; false when one threw (it was reported)
     */
    public boolean publish(StoredEvent stored) {
        Checks.notNull("stored", stored);
        boolean delivered = true;
        for (CrmEventListener l : listeners) {
            try {
                if (l instanceof DeliveryListener d) {
                    d.onDelivery(stored);
                } else {
                    l.on(stored.event());
                }
            } catch (RuntimeException e) {
                delivered = false;
                try {
                    onFailure.accept(stored.event(), e);
                } catch (RuntimeException ignored) {
                    // A failing failure handler must not undo the write either.
                }
            }
        }
        return delivered;
    }

    /** A registration that can be undone. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        /** Removes the listener; closing twice does nothing more. */
        @Override
        void close();
    }
}
