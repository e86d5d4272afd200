package org.crmkit.jdbc;

import org.crmkit.kit.ServiceLevelFlowContract;
import org.junit.jupiter.api.AfterEach;

/** The flows on one Postgres database, each node opening its own stores over it. */
class PostgresServiceLevelFlowTest extends ServiceLevelFlowContract {
    private TestDatabase database;

    @Override
    protected void createStorage() {
        database = TestDatabase.postgres();
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
