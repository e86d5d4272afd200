package org.crmkit.jdbc;

class H2MergeRecordStoreContractTest extends JdbcMergeRecordStores {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
