package org.crmkit.examples.jdbc;

import org.crmkit.examples.contract.MemberRepositoryContract;
import org.crmkit.loyalty.spi.MemberRepository;

class PostgresMemberRepositoryContractTest extends MemberRepositoryContract {
    @Override
    protected MemberRepository createRepository() {
        return JdbcStores.open(Databases.postgres()).members();
    }
}
