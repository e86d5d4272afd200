package org.crmkit.jdbc;

class PostgresMemberRepositoryContractTest extends JdbcMemberRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
