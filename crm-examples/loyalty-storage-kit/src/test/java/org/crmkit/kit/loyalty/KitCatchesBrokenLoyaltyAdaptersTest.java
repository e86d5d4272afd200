package org.crmkit.kit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryCouponStore;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.loyalty.spi.ForwardingCouponStore;
import org.crmkit.loyalty.spi.ForwardingLedgerStore;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The loyalty kit must fail adapters that break a promise: one broken adapter per mistake, caught by name. */
class KitCatchesBrokenLoyaltyAdaptersTest {

    private static Set<String> failedTests(Class<?> adapterTest) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(adapterTest)).execute()
                .testEvents().failed().stream().map(Event::getTestDescriptor)
                .map(d -> d.getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName()).orElse(d.getDisplayName()))
                .collect(Collectors.toSet());
    }

    @Test
    void theInMemoryStoresPassTheWholeKit() {
        assertEquals(Set.of(), failedTests(InMemoryMemberRepositoryContractTest.class));
        assertEquals(Set.of(), failedTests(InMemoryLedgerStoreContractTest.class));
        assertEquals(Set.of(), failedTests(InMemoryCouponStoreContractTest.class));
    }

    @Test
    void aStoreWhoseCancelledCouponsFreeStockFailsTheCountingTest() {
        assertEquals(Set.of("everyIssuedCouponCounts"), failedTests(VoidFreesStockContract.class));
    }

    /** Gives a cancelled coupon's place back to the campaign: as a count of the coupons standing issued would. */
    static final class VoidFreesStock extends ForwardingCouponStore {
        private final Map<String, Integer> voided = new HashMap<>();

        VoidFreesStock() {
            super(new InMemoryCouponStore());
        }

        @Override
        public synchronized Outcome issue(Coupon coupon, int stock, int perMember) {
            int freed = voided.getOrDefault(coupon.campaign(), 0);
            return super.issue(coupon, stock + freed, perMember + freed);
        }

        @Override
        public synchronized void replace(Coupon next) {
            super.replace(next);
            if (next.status() == Coupon.Status.VOID) {
                voided.merge(next.campaign(), 1, Integer::sum);
            }
        }
    }

    static final class VoidFreesStockContract extends CouponStoreContract {
        @Override
        protected CouponStore createStore() {
            return new VoidFreesStock();
        }
    }

    @Test
    void memberUniquenessCheckedOnInsertOnlyFailsTheUpdateTest() {
        assertEquals(Set.of("membershipUniqueOnUpdate"), failedTests(UniqueOnInsertOnlyContract.class));
    }

    @Test
    void aStoreThatClaimsToCheckMembersButDoesNotFailsTheCheckTest() {
        assertEquals(Set.of("batchesCheckMembersVersions"), failedTests(UncheckedMembersContract.class));
    }

    @Test
    void aKeyLookupAcrossMembersFailsTheKeyTest() {
        assertEquals(Set.of("keyBelongsToItsMember"), failedTests(KeyAcrossMembersContract.class));
    }

    /**
     * Members in a map, versioned, with the (program, customer) slot checked when a member is enrolled but not when
     * a stored member is changed: as a unique check in application code on the insert path only would.
     */
    static final class UniqueOnInsertOnly implements MemberRepository {
        private final TreeMap<String, Member> byNumber = new TreeMap<>();

        @Override
        public synchronized Member save(Member m) {
            Member current = byNumber.get(m.number().value());
            long actual = current == null ? 0 : current.version();
            if (actual != m.version()) {
                throw new VersionConflictException("member", m.number(), m.version(), actual);
            }
            Optional<Member> holder = findByCustomer(m.programId(), m.customerId());
            if (m.version() == 0 && holder.isPresent()) {
                throw new DuplicateException("customer " + m.customerId() + " is already member "
                        + holder.get().number());
            }
            Member stored = m.withVersion(actual + 1);
            byNumber.put(m.number().value(), stored);
            return stored;
        }

        @Override
        public synchronized Optional<Member> findById(MemberNumber number) {
            return Optional.ofNullable(byNumber.get(number.value()));
        }

        @Override
        public synchronized void deleteById(MemberNumber number) {
            byNumber.remove(number.value());
        }

        @Override
        public synchronized long count() {
            return byNumber.size();
        }

        @Override
        public synchronized Optional<Member> findByCustomer(String programId, CustomerId customerId) {
            return byNumber.values().stream()
                    .filter(m -> m.programId().equals(programId) && m.customerId().equals(customerId)).findFirst();
        }

        @Override
        public synchronized Page<Member> findAll(PageRequest request) {
            Map<String, Member> tail = request.after() == null ? byNumber : byNumber.tailMap(request.after(), false);
            List<Member> items = new ArrayList<>();
            for (Member m : tail.values()) {
                if (items.size() == request.size()) {
                    return new Page<>(items, items.get(items.size() - 1).number().value());
                }
                items.add(m);
            }
            return new Page<>(items, null);
        }
    }

    /** Finds an entry by key in any member's book when the member's own has none: keys taken as global. */
    static final class KeyAcrossMembers extends ForwardingLedgerStore {
        private final Map<IdempotencyKey, MemberNumber> anyHolder = new HashMap<>();

        KeyAcrossMembers() {
            super(new InMemoryLedgerStore());
        }

        @Override
        public synchronized void append(LedgerEntry entry) {
            super.append(entry);
            anyHolder.putIfAbsent(entry.stamp().key(), entry.stamp().member());
        }

        @Override
        public synchronized Optional<LedgerEntry> findByKey(MemberNumber member, IdempotencyKey key) {
            Optional<LedgerEntry> own = super.findByKey(member, key);
            MemberNumber holder = anyHolder.get(key);
            return own.isPresent() || holder == null ? own : super.findByKey(holder, key);
        }
    }

    static final class UniqueOnInsertOnlyContract extends MemberRepositoryContract {
        @Override
        protected MemberRepository createRepository() {
            return new UniqueOnInsertOnly();
        }
    }

    static final class KeyAcrossMembersContract extends LedgerStoreContract {
        @Override
        protected LedgerStore createStore() {
            return new KeyAcrossMembers();
        }
    }

    /** Says it checks members' versions as it appends a batch, and appends whatever the versions. */
    static final class UncheckedMembers extends ForwardingLedgerStore {
        private final MemberRepository members;

        UncheckedMembers(MemberRepository members) {
            super(new InMemoryLedgerStore());
            this.members = members;
        }

        @Override
        public boolean checksVersionsIn(MemberRepository repository) {
            return repository == members;
        }

        @Override
        public void appendAll(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
            appendAll(entries);
        }
    }

    static final class UncheckedMembersContract extends LedgerStoreContract {
        private final MemberRepository members = new InMemoryMemberRepository();

        @Override
        protected LedgerStore createStore() {
            return new UncheckedMembers(members);
        }

        @Override
        protected MemberRepository checkedMembers() {
            return members;
        }
    }
}
