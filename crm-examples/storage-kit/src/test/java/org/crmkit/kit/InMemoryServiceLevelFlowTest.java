package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryClockStore;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryOutboxStore;
import org.crmkit.core.memory.InMemoryServiceCaseRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.Transactions;

/** The flows over in-memory stores shared by every node, as one durable store would be. */
class InMemoryServiceLevelFlowTest extends ServiceLevelFlowContract {
    private Node shared;

    @Override
    protected void createStorage() {
        shared = new Node(new InMemoryCustomerRepository(), new InMemoryTouchpointRepository(),
                new InMemoryServiceCaseRepository(), new InMemoryClockStore(), new InMemoryOutboxStore(),
                Transactions.NONE);
    }

    @Override
    protected Node node() {
        return shared;
    }
}
