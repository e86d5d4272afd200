package org.crmkit.jdbc;

class H2MemberRepositoryContractTest extends JdbcMemberRepositories {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
