package org.crmkit.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.spi.MemberRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of a loyalty {@link MemberRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class MemberRepositoryContract extends RepositoryContract<Member, MemberNumber, MemberRepository> {

    /**
     * A member with every field set: a tier history of two changes, a status and an agreement.
     *
     * @param n which one
     * @param program the program's code
     * @return the member, version 0
     */
    public static Member member(int n, String program) {
        MemberNumber number = MemberNumber.of(String.format("M%06d", n));
        Member m = Member.enroll(number, program, CustomerId.of("cust-" + n), ContractFixtures.EPOCH, "blue");
        return m.withTierChange(new TierChange(ContractFixtures.EPOCH.plus(Duration.ofDays(n)), "blue", "gold",
                TierChange.Reason.QUALIFIED, "5,000 qualifying miles"))
                .withStatus(n % 3 == 0 ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE)
                .withAgreements(List.of(AgreementId.of("agreement-" + n)));
    }

    @Override
    protected Member aggregate(int n) {
        return member(n, "skymiles");
    }

    @Override
    protected MemberNumber idOf(Member aggregate) {
        return aggregate.number();
    }

    @Override
    protected long versionOf(Member aggregate) {
        return aggregate.version();
    }

    @Override
    protected Member withVersion(Member aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected Member withMark(Member aggregate, String mark) {
        List<AgreementId> agreements = new ArrayList<>(aggregate.agreements());
        agreements.add(AgreementId.of(mark));
        return aggregate.withAgreements(agreements);
    }

    @Override
    protected Set<String> marksOf(Member aggregate) {
        return aggregate.agreements().stream().map(AgreementId::value).collect(Collectors.toSet());
    }

    /** One membership per customer and program. */
    @Nested
    @DisplayName("a customer's membership")
    class ByCustomer {
        @Test
        @DisplayName("is found by program and customer, and not in another program")
        void found() {
            Member stored = repository.save(aggregate(1));
            assertEquals(Optional.of(stored), repository.findByCustomer("skymiles", CustomerId.of("cust-1")));
            assertEquals(Optional.empty(), repository.findByCustomer("other", CustomerId.of("cust-1")));
        }

        @Test
        @DisplayName("is unique per program: a second member for the customer is refused and nothing is stored")
        void unique() {
            Member first = repository.save(aggregate(1));
            Member second = Member.enroll(MemberNumber.of("M999999"), "skymiles", first.customerId(),
                    ContractFixtures.EPOCH, "blue");
            assertThrows(DuplicateException.class, () -> repository.save(second));
            assertEquals(Optional.empty(), repository.findById(second.number()));
            assertEquals(Optional.of(first), repository.findByCustomer("skymiles", first.customerId()));
            repository.save(Member.enroll(MemberNumber.of("M888888"), "other-program", first.customerId(),
                    ContractFixtures.EPOCH, "blue"));
        }

        @Test
        @DisplayName("is free again after the member is deleted")
        void freedByDelete() {
            Member first = repository.save(aggregate(1));
            repository.deleteById(first.number());
            assertEquals(Optional.empty(), repository.findByCustomer("skymiles", first.customerId()));
            repository.save(Member.enroll(MemberNumber.of("M999999"), "skymiles", first.customerId(),
                    ContractFixtures.EPOCH, "blue"));
        }
    }

    /** Reading every member. */
    @Nested
    @DisplayName("all members")
    class All {
        @ParameterizedTest(name = "with pages of {0}")
        @ValueSource(ints = {1, 3, 100})
        @DisplayName("come in order of member number, each once")
        void ordered(int size) {
            List<Member> stored = new ArrayList<>();
            for (int n : new int[] {7, 3, 11, 1, 5}) {
                stored.add(repository.save(aggregate(n)));
            }
            stored.sort(Comparator.comparing(m -> m.number().value()));
            assertEquals(stored, Walks.walk(repository::findAll, size));
        }
    }
}
