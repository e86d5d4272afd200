package org.crmkit.jdbc;

class PostgresMergeRecordStoreContractTest extends JdbcMergeRecordStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
