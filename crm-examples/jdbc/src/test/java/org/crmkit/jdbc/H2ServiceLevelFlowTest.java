package org.crmkit.jdbc;

import org.crmkit.kit.ServiceLevelFlowContract;
import org.junit.jupiter.api.AfterEach;

/** The flows on one H2 database, each node opening its own stores over it. */
class H2ServiceLevelFlowTest extends ServiceLevelFlowContract {
    private TestDatabase database;

    @Override
    protected void createStorage() {
        database = TestDatabase.h2();
        Schema.migrate(database);
    }

    @Override
    protected Node node() {
        JdbcStores stores = JdbcStores.attach(database);
        return new Node(stores.customers(), stores.touchpoints(), stores.cases(), stores.clocks(), stores.outbox(),
                stores.transactions());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
