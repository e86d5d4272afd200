package org.crmkit.jdbc;

import org.crmkit.kit.loyalty.MemberRepositoryContract;
import org.crmkit.loyalty.spi.MemberRepository;
import org.junit.jupiter.api.AfterEach;

class H2MemberRepositoryContractTest extends MemberRepositoryContract {
    private TestDatabase database;

    @Override
    protected MemberRepository createRepository() {
        database = TestDatabase.h2();
        return JdbcStores.open(database).members();
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
