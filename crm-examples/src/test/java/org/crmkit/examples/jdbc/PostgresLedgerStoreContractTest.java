package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.LedgerStoreContract;
import org.crmkit.loyalty.spi.LedgerStore;

class PostgresLedgerStoreContractTest extends LedgerStoreContract {
    @Override
    protected LedgerStore createStore() {
        return JdbcStores.open(Databases.postgres()).ledger();
    }
}
