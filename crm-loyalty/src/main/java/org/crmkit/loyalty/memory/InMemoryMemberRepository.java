package org.crmkit.loyalty.memory;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.memory.InMemoryRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.MemberRepository;
import org.jspecify.annotations.Nullable;

/** Members in memory. Thread-safe: reads are lock-free, each write is atomic. */
public final class InMemoryMemberRepository extends InMemoryRepository<Member, MemberNumber>
        implements MemberRepository {
    private final Map<Enrollment, MemberNumber> byCustomer = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, MemberNumber> ordered = new ConcurrentSkipListMap<>();

    /** Creates an empty repository. */
    public InMemoryMemberRepository() {
        super("member", Member::number, Member::version);
    }

    @Override
    protected Member withVersion(Member aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void checkUnique(Member m) {
        MemberNumber holder = byCustomer.get(new Enrollment(m.programId(), m.customerId()));
        if (holder != null && !holder.equals(m.number())) {
            throw new DuplicateException("customer " + m.customerId() + " is already member " + holder
                    + " of program " + m.programId());
        }
    }

    @Override
    protected void reindex(@Nullable Member before, @Nullable Member after) {
        if (before != null) {
            byCustomer.remove(new Enrollment(before.programId(), before.customerId()), before.number());
            ordered.remove(before.number().value());
        }
        if (after != null) {
            byCustomer.put(new Enrollment(after.programId(), after.customerId()), after.number());
            ordered.put(after.number().value(), after.number());
        }
    }

    @Override
    public Optional<Member> findByCustomer(String programId, CustomerId customerId) {
        Objects.requireNonNull(programId, "programId");
        Objects.requireNonNull(customerId, "customerId");
        MemberNumber n = byCustomer.get(new Enrollment(programId, customerId));
        return n == null ? Optional.empty() : findById(n);
    }

    @Override
    public Page<Member> findAll(PageRequest request) {
        return page(ordered, request);
    }

    private record Enrollment(String programId, CustomerId customerId) {
    }
}
