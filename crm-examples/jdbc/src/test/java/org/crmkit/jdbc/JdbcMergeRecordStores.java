package org.crmkit.jdbc;

import org.crmkit.core.spi.MergeRecordStore;
import org.crmkit.kit.MergeRecordStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The merge-record contract on a fresh database of a subclass's kind. */
abstract class JdbcMergeRecordStores extends MergeRecordStoreContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected MergeRecordStore createRepository() {
        database = newDatabase();
        return JdbcStores.open(database).mergeRecords();
    }

    @Override
    protected void breakStore() {
        database.breakIt();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
