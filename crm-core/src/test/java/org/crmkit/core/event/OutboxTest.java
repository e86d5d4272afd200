package org.crmkit.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.memory.InMemoryOutboxStore;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private final InMemoryOutboxStore store = new InMemoryOutboxStore();
    private final List<StoredEvent> heard = new ArrayList<>();
    private int failuresLeft;

    private Crm crm() {
        DeliveryListener flaky = delivery -> {
            heard.add(delivery);
            if (failuresLeft-- > 0) {
                throw new IllegalStateException("the ledger's database is down");
            }
        };
        return Crm.builder().outbox(store).events(new EventDispatcher((e, x) -> { })).listener(flaky).build();
    }

    @Test
    void anEventAListenerThrewOnStaysPendingAndComesBackWithItsId() {
        failuresLeft = 1;
        Crm crm = crm();
        Customer ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        assertEquals(1, store.pending(10).size(), "the event the listener threw on was removed");
        assertEquals(1, crm.outbox().deliverPending());
        assertEquals(List.of(heard.get(0).id(), heard.get(0).id()), heard.stream().map(StoredEvent::id).toList());
        assertEquals(ann.id(), heard.get(1).event().customerId());
        assertEquals(List.of(), store.pending(10));
        assertEquals(0, crm.outbox().deliverPending());
    }

    @Test
    void aListenerThatKeepsThrowingGetsEachEventOncePerDeliveryAndTheRestFlows() {
        failuresLeft = Integer.MAX_VALUE;
        Crm crm = crm();
        crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        crm.createCustomer(b -> b.name(Name.person("Bo", "Lee")));
        assertEquals(2, crm.outbox().deliverPending());
        assertEquals(4, heard.size());
        failuresLeft = 0;
        assertEquals(2, crm.outbox().deliverPending());
        assertEquals(List.of(), store.pending(10));
        assertThrows(org.crmkit.core.RuleViolationException.class, () -> store.pending(0));
    }
}
