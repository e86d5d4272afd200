package org.crmkit.kit.loyalty;

import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.spi.LedgerStore;

class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore createStore() {
        return new InMemoryLedgerStore();
    }
}
