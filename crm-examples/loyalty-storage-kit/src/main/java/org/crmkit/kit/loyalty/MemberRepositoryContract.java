package org.crmkit.kit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.kit.ContractFixtures;
import org.crmkit.kit.RepositoryContract;
import org.crmkit.kit.Walks;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.spi.MemberRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a loyalty {@link MemberRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class MemberRepositoryContract extends RepositoryContract<Member, MemberNumber, MemberRepository> {

    /** For adapters' tests. */
    protected MemberRepositoryContract() {
    }

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
    protected Optional<Member> aggregateWithId(String id) {
        return Optional.empty(); // member numbers are upper case only
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

    @Override
    protected Map<String, Runnable> everyOperation(Member stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findByCustomer", () -> repository.findByCustomer("skymiles", stored.customerId()));
        ops.put("findAll", () -> repository.findAll(PageRequest.first(10)));
        ops.put("findAllById", () -> repository.findAllById(List.of(stored.number())));
        return ops;
    }

    @Test
    @DisplayName("several members, or their versions, are read at once, as stored; numbers not found are left out")
    void severalAtOnce() {
        Member one = repository.save(aggregate(1));
        Member two = repository.save(aggregate(2));
        assertEquals(Map.of(one.number(), one, two.number(), two), repository.findAllById(List.of(two.number(),
                MemberNumber.of("M999999"), one.number(), one.number())));
        assertEquals(Map.of(), repository.findAllById(List.of()));
        assertEquals(Map.of(one.number(), one.version(), two.number(), two.version()), repository.versions(List.of(
                one.number(), two.number(), MemberNumber.of("M999999"))));
        Member changed = repository.save(one.withStatus(org.crmkit.loyalty.member.MemberStatus.SUSPENDED));
        assertEquals(Map.of(one.number(), changed.version()), repository.versions(List.of(one.number())));
    }

    @Test
    @DisplayName("a customer's membership is found by program and customer, and not in another program")
    void membershipFound() {
        Member stored = repository.save(aggregate(1));
        assertEquals(Optional.of(stored), repository.findByCustomer("skymiles", CustomerId.of("cust-1")));
        assertEquals(Optional.empty(), repository.findByCustomer("other", CustomerId.of("cust-1")));
    }

    @Test
    @DisplayName("a second member for the customer in one program is refused and nothing is stored")
    void membershipUniqueOnInsert() {
        Member first = repository.save(aggregate(1));
        Member second = Member.enroll(MemberNumber.of("M999999"), "skymiles", first.customerId(),
                ContractFixtures.EPOCH, "blue");
        DuplicateException refused = assertThrows(DuplicateException.class, () -> repository.save(second));
        assertTrue(refused.getMessage().contains(first.number().value()), "the refusal names the holder: "
                + refused.getMessage());
        assertEquals(Optional.empty(), repository.findById(second.number()));
        assertEquals(Optional.of(first), repository.findByCustomer("skymiles", first.customerId()));
        repository.save(Member.enroll(MemberNumber.of("M888888"), "other-program", first.customerId(),
                ContractFixtures.EPOCH, "blue"));
    }

    @Test
    @DisplayName("a member moved onto a customer who already has a membership is refused and nothing changes")
    void membershipUniqueOnUpdate() {
        Member first = repository.save(aggregate(1));
        Member second = repository.save(aggregate(2));
        Member moved = second.toBuilder().customerId(first.customerId()).build();
        DuplicateException refused = assertThrows(DuplicateException.class, () -> repository.save(moved));
        assertTrue(refused.getMessage().contains(first.number().value()), "the refusal names the holder: "
                + refused.getMessage());
        assertEquals(Optional.of(second), repository.findById(second.number()));
        assertEquals(Optional.of(first), repository.findByCustomer("skymiles", first.customerId()));
        assertEquals(Optional.of(second), repository.findByCustomer("skymiles", second.customerId()));
    }

    @Test
    @DisplayName("a member moved to another customer is found under the new customer only")
    void membershipFollowsMove() {
        Member stored = repository.save(aggregate(1));
        CustomerId survivor = CustomerId.of("cust-survivor");
        Member moved = repository.save(stored.toBuilder().customerId(survivor).build());
        assertEquals(Optional.empty(), repository.findByCustomer("skymiles", stored.customerId()));
        assertEquals(Optional.of(moved), repository.findByCustomer("skymiles", survivor));
    }

    @Test
    @DisplayName("a customer's membership is free again after the member is deleted")
    void membershipFreedByDelete() {
        Member first = repository.save(aggregate(1));
        repository.deleteById(first.number());
        assertEquals(Optional.empty(), repository.findByCustomer("skymiles", first.customerId()));
        repository.save(Member.enroll(MemberNumber.of("M999999"), "skymiles", first.customerId(),
                ContractFixtures.EPOCH, "blue"));
    }

    @Test
    @DisplayName("all members come in order of member number, each once")
    void allOrdered() {
        List<Member> stored = new ArrayList<>();
        for (int n : new int[] {7, 3, 11, 1, 5}) {
            stored.add(repository.save(aggregate(n)));
        }
        stored.sort(Comparator.comparing(m -> m.number().value()));
        for (int size : new int[] {1, 3, 100}) {
            assertEquals(stored, Walks.walk(repository::findAll, size), "pages of " + size);
        }
    }

    @Test
    @DisplayName("1,001 members come whole with pages of 10,000 or 1,000: no page is capped")
    void allNotCapped() {
        List<Member> stored = new ArrayList<>();
        for (int n = 0; n < BEYOND_COMMON_CAP; n++) {
            stored.add(repository.save(aggregate(n)));
        }
        stored.sort(Comparator.comparing(m -> m.number().value()));
        assertNotCapped(repository::findAll, stored);
    }
}
