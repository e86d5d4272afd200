package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryOutboxStore;
import org.crmkit.core.spi.OutboxStore;

class InMemoryOutboxStoreContractTest extends OutboxStoreContract {
    @Override
    protected OutboxStore createStore() {
        return new InMemoryOutboxStore();
    }
}
