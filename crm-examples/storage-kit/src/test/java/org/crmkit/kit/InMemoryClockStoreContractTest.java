package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryClockStore;
import org.crmkit.core.spi.ClockStore;

class InMemoryClockStoreContractTest extends ClockStoreContract {
    @Override
    protected ClockStore createRepository() {
        return new InMemoryClockStore();
    }
}
