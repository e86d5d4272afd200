package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.LedgerStoreContract;
import org.crmkit.loyalty.spi.LedgerStore;

class H2LedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore createStore() {
        return JdbcStores.open(Databases.h2()).ledger();
    }
}
