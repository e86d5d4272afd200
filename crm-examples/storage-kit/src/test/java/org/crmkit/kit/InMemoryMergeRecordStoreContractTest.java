package org.crmkit.kit;

import org.crmkit.core.memory.InMemoryMergeRecordStore;
import org.crmkit.core.spi.MergeRecordStore;

class InMemoryMergeRecordStoreContractTest extends MergeRecordStoreContract {
    @Override
    protected MergeRecordStore createRepository() {
        return new InMemoryMergeRecordStore();
    }
}
