package org.crmkit.core.event;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.Transactions;

/**
 * The transactional outbox: a write and the events it makes are stored in one transaction, then the events are
 * delivered to the dispatcher's listeners, each with an {@link EventId} that stays the same on every delivery.
 * Delivery is at least once: events a crash left undelivered are delivered by {@link #deliverPending()}, which a
 * host calls at start-up and then periodically; so are events a listener threw on (another listener's failure is
 * reported and the event kept for the next {@link #deliverPending()}, which gives it to every listener again). A
 * listener that must not act twice implements {@link DeliveryListener} and remembers the ids it handled.
 * Thread-safe.
 */
public final class Outbox {
    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final int PAGE = 500;

    private final OutboxStore store;
    private final Transactions transactions;
    private final EventDispatcher events;

    /**
     * Creates an outbox.
     *
     * @param store where pending events are kept
     * @param transactions the transactions the store's writes join
     * @param events the listeners to deliver to
     */
    public Outbox(OutboxStore store, Transactions transactions, EventDispatcher events) {
        this.store = Checks.notNull("store", store);
        this.transactions = Checks.notNull("transactions", transactions);
        this.events = Checks.notNull("events", events);
    }

    /**
     * Runs a write in one transaction with the storing of the events it makes, then delivers those events. When
     * the work throws, nothing of it is stored and no event is delivered.
     *
     * @param work the write; it adds the events it makes, in order, to the list it is given
     * @param <T> the write's result
     * @return the write's result
     */
    public <T> T write(Function<List<CrmEvent>, T> work) {
        Checks.notNull("work", work);
        List<StoredEvent> made = new ArrayList<>();
        T result = transactions.inTransaction(() -> {
            made.clear();
            List<CrmEvent> out = new ArrayList<>();
            T r = work.apply(out);
            for (CrmEvent e : out) {
                made.add(new StoredEvent(EventId.random(), Checks.notNull("event", e)));
            }
            if (!made.isEmpty()) {
                store.append(made);
            }
            return r;
        });
        if (!made.isEmpty()) {
            deliver(made);
        }
        return result;
    }

    /**
     * Delivers every pending event once, oldest first: those a crash, a failed removal or a failing listener left
     * behind, and any a writer on another thread or node is about to deliver itself (that one is then delivered
     * twice). Events a listener throws on again stay pending for the next call.
     *
     * @return how many events were delivered
     */
    public int deliverPending() {
        int delivered = 0;
        // Events a listener threw on stay pending at the front; they are passed over so each is delivered once here.
        Set<EventId> failed = new HashSet<>();
        while (true) {
            List<StoredEvent> fresh = new ArrayList<>();
            for (StoredEvent e : store.pending(PAGE + failed.size())) {
                if (!failed.contains(e.id())) {
                    fresh.add(e);
                }
            }
            if (fresh.isEmpty()) {
                return delivered;
            }
            failed.addAll(deliver(fresh));
            delivered += fresh.size();
        }
    }

    /** Delivers events and removes those every listener took; returns the ids of those a listener threw on. */
    private List<EventId> deliver(List<StoredEvent> stored) {
        List<EventId> done = new ArrayList<>(stored.size());
        List<EventId> failed = new ArrayList<>();
        for (StoredEvent e : stored) {
            (events.publish(e) ? done : failed).add(e.id());
        }
        if (!done.isEmpty()) {
            try {
                store.remove(done);
            } catch (RuntimeException e) {
                // Delivered but still pending: the next deliverPending delivers them again, with the same ids.
                LOG.log(System.Logger.Level.WARNING, "delivered events could not be removed from the outbox", e);
            }
        }
        return failed;
    }
}
