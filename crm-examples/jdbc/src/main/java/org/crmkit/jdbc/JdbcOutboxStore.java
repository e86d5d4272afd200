package org.crmkit.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventId;
import org.crmkit.core.event.StoredEvent;
import org.crmkit.core.spi.OutboxStore;

/**
 * Pending events in {@code crm_outbox}, in the order appended (an identity column), each event a JSON document
 * under its id. Appends join the transaction open on the thread, so an event commits with its write.
 */
final class JdbcOutboxStore implements OutboxStore {
    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(List<StoredEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            Objects.requireNonNull(e, "event");
            rows.add(new Object[] {e.id().value(), jdbc.write(e.event())});
        }
        jdbc.inTransaction("storing " + events.size() + " events in the outbox",
                c -> {
                    jdbc.batch(c, "INSERT INTO crm_outbox (id, document) VALUES (?, ?)", rows);
                    return null;
                });
    }

    @Override
    public List<StoredEvent> pending(int limit) {
        if (limit < 1) {
            throw new RuleViolationException("limit must be at least 1: " + limit);
        }
        return jdbc.inTransaction("reading the outbox", c -> jdbc.query(c,
                "SELECT id, document FROM crm_outbox ORDER BY seq LIMIT " + limit,
                r -> new StoredEvent(EventId.of(r.getString(1)), jdbc.read(r.getString(2), CrmEvent.class))));
    }

    @Override
    public void remove(Collection<EventId> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(ids.size());
        ids.forEach(id -> rows.add(new Object[] {Objects.requireNonNull(id, "id").value()}));
        jdbc.inTransaction("removing delivered events from the outbox", c -> {
            jdbc.batch(c, "DELETE FROM crm_outbox WHERE id = ?", rows);
            return null;
        });
    }
}
