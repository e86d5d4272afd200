package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.CrmException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventId;
import org.crmkit.core.event.StoredEvent;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.Transactions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link OutboxStore}: events pending in the order appended, each with its id and equal to what
 * was appended, removed by id, and stored only with the transaction they were appended in. An adapter's test extends
 * this class and implements {@link #createStore()}, and {@link #transactions()} when its stores have transactions.
 */
public abstract class OutboxStoreContract {
    private static final CustomerId OWNER = CustomerId.of("cust-outbox");

    /** The store under test, fresh for each test. */
    protected OutboxStore store;

    /** For adapters' tests. */
    protected OutboxStoreContract() {
    }

    /** {@return a new, empty store} */
    protected abstract OutboxStore createStore();

    /** {@return the transactions the store's appends join; {@link Transactions#NONE} when it has none} */
    protected Transactions transactions() {
        return Transactions.NONE;
    }

    @BeforeEach
    final void createFreshStore() {
        store = createStore();
    }

    private static StoredEvent event(int n) {
        CaseId caseId = CaseId.of("case-outbox-" + n);
        CrmEvent e = n % 2 == 0
                ? new CrmEvent.CaseStatusChanged(OWNER, caseId, n % 4 == 0 ? null : CaseStatus.OPEN,
                        CaseStatus.RESOLVED, ContractFixtures.EPOCH.plus(Duration.ofSeconds(n)))
                : new CrmEvent.ServiceLevelBreached(OWNER, caseId.value(), StandardId.of("first-reply"), n,
                        ContractFixtures.EPOCH.plus(Duration.ofMillis(n)));
        return new StoredEvent(EventId.of("event-" + n), e);
    }

    private static List<StoredEvent> events(int from, int to) {
        List<StoredEvent> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            out.add(event(n));
        }
        return out;
    }

    @Test
    @DisplayName("appended events are pending in the order appended, equal to what was appended, ids kept")
    void pendingInOrder() {
        store.append(events(1, 3));
        store.append(events(4, 9));
        assertEquals(events(1, 9), store.pending(100));
        assertEquals(events(1, 4), store.pending(4));
    }

    @Test
    @DisplayName("removed events are no longer pending; unknown ids are ignored")
    void removeById() {
        store.append(events(1, 5));
        store.remove(List.of(EventId.of("event-2"), EventId.of("event-4"), EventId.of("event-never")));
        assertEquals(List.of(event(1), event(3), event(5)), store.pending(100));
        store.remove(List.of(EventId.of("event-1"), EventId.of("event-3"), EventId.of("event-5")));
        assertEquals(List.of(), store.pending(100));
    }

    @Test
    @DisplayName("an append that repeats a pending id is refused whole")
    void duplicateIdRefused() {
        store.append(events(1, 2));
        assertThrows(CrmException.class, () -> store.append(List.of(event(3), event(2))));
        assertEquals(events(1, 2), store.pending(100));
    }

    @Test
    @DisplayName("events appended in a transaction that rolls back are not stored")
    void rolledBackAppendIsNotStored() {
        Assumptions.assumeTrue(transactions() != Transactions.NONE, "the store has no transactions");
        store.append(events(1, 1));
        IllegalStateException crash = new IllegalStateException("the write failed");
        assertEquals(crash, assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            store.append(events(2, 3));
            throw crash;
        })));
        assertEquals(events(1, 1), store.pending(100));
        transactions().inTransaction(() -> {
            store.append(events(2, 3));
            return null;
        });
        assertEquals(events(1, 3), store.pending(100));
    }
}
