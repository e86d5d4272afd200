package org.crmkit.kit.loyalty;

import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.spi.MemberRepository;

class InMemoryMemberRepositoryContractTest extends MemberRepositoryContract {
    @Override
    protected MemberRepository createRepository() {
        return new InMemoryMemberRepository();
    }
}
