package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.event.EventId;
import org.crmkit.core.event.StoredEvent;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.OutboxStore;

/** Keeps pending events in memory, in the order they were appended. Thread-safe. */
public final class InMemoryOutboxStore implements OutboxStore {
    private final Map<EventId, StoredEvent> pending = new LinkedHashMap<>();

    /** Creates an empty outbox. */
    public InMemoryOutboxStore() {
    }

    @Override
    public synchronized void append(List<StoredEvent> events) {
        List<StoredEvent> checked = Checks.list("events", events);
        for (StoredEvent e : checked) {
            if (pending.containsKey(e.id())) {
                throw new RuleViolationException("event id " + e.id() + " is pending already");
            }
        }
        checked.forEach(e -> pending.put(e.id(), e));
    }

    @Override
    public synchronized List<StoredEvent> pending(int limit) {
        if (limit < 1) {
            throw new RuleViolationException("limit must be at least 1: " + limit);
        }
        List<StoredEvent> out = new ArrayList<>(Math.min(limit, pending.size()));
        for (StoredEvent e : pending.values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    @Override
    public synchronized void remove(Collection<EventId> ids) {
        Checks.list("ids", ids).forEach(pending::remove);
    }
}
