package org.crmkit.jdbc;

import org.crmkit.kit.ServiceLevelFlowContract;
import org.junit.jupiter.api.AfterEach;

/** The flows on one fresh database of a subclass's kind, each node opening its own stores over it. */
abstract class JdbcServiceLevelFlows extends ServiceLevelFlowContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected void createStorage() {
        database = newDatabase();
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
