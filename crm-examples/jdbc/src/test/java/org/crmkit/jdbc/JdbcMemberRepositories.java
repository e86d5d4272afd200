package org.crmkit.jdbc;

import org.crmkit.loyalty.spi.MemberRepository;
import org.crmkit.kit.loyalty.MemberRepositoryContract;
import org.junit.jupiter.api.AfterEach;

/** The member-repository contract on a fresh database of a subclass's kind. */
abstract class JdbcMemberRepositories extends MemberRepositoryContract {
    private TestDatabase database;

    /** {@return a new, empty database} */
    abstract TestDatabase newDatabase();

    @Override
    protected MemberRepository createRepository() {
        database = newDatabase();
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
