package org.crmkit.kit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.kit.ContractFixtures;
import org.crmkit.kit.Races;
import org.crmkit.loyalty.ledger.Award;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.LotDraw;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a loyalty {@link LedgerStore}. An adapter's test extends this class and implements
 * {@link #createStore()}.
 */
public abstract class LedgerStoreContract {
    private static final MemberNumber ANN = MemberNumber.of("ANN-001");
    private static final MemberNumber BOB = MemberNumber.of("BOB-002");

    /** The store under test, fresh for each test. */
    protected LedgerStore store;

    /** {@return a new, empty store; called before each test} */
    protected abstract LedgerStore createStore();

    /** For adapters' tests. */
    protected LedgerStoreContract() {
    }

    /**
     * Makes the store fail from now on, as a lost connection would, so that the kit can check the failure reaches
     * callers as a {@link CrmException}. The default aborts that test, for stores that cannot fail.
     */
    protected void breakStore() {
        Assumptions.abort("the adapter's test offers no way to make its store fail (override breakStore)");
    }

    /**
     * The member repository whose members the store checks as it appends a batch
     * ({@link LedgerStore#checksVersionsIn}), over the same storage as the store just created. The default is
     * none, for stores that check no members.
     *
     * @return the repository, or null
     */
    protected @Nullable MemberRepository checkedMembers() {
        return null;
    }

    @BeforeEach
    final void createFreshStore() {
        store = createStore();
    }

    /**
     * One entry of every kind, every field set, with sequences 1 to 6 under keys {@code e1} to {@code e6}.
     *
     * @param member the member
     * @return the entries
     */
    public static List<LedgerEntry> everyKind(MemberNumber member) {
        Instant t = ContractFixtures.EPOCH;
        LocalDate expires = LocalDate.of(2030, 1, 1);
        return List.of(
                new LedgerEntry.Accrual(stamp(member, 1, t, Source.touchpoint("tp-1")), 150, 100,
                        new BigDecimal("99.95"), 1, List.of(new Award("base", 100, true),
                                new Award("bonus", 50, false)), expires, null, List.of()),
                new LedgerEntry.Pending(stamp(member, 2, t.plusSeconds(1), Source.touchpoint("stay-9")), 400, 400,
                        new BigDecimal("320"), 1, List.of(new Award("stay", 400, true)), t.plus(Duration.ofDays(3))),
                new LedgerEntry.Redemption(stamp(member, 3, t.plusSeconds(2), Source.agent("agent-7")), 120,
                        "upgrade", List.of(new LotDraw(1, -120))),
                new LedgerEntry.Accrual(stamp(member, 4, t.plus(Duration.ofDays(3)), Source.system("release")), 400,
                        400, new BigDecimal("320"), 1, List.of(new Award("stay", 400, true)), null,
                        IdempotencyKey.of("e2"), List.of()),
                new LedgerEntry.Reversal(stamp(member, 5, t.plus(Duration.ofDays(4)), Source.touchpoint("rf-1")),
                        IdempotencyKey.of("e1"), -70, 80, ReversalPolicy.PARTIAL_CLAWBACK, 100,
                        new BigDecimal("99.95"), 1, null, List.of(new LotDraw(1, -30), new LotDraw(4, -40))),
                new LedgerEntry.Adjustment(stamp(member, 6, t.plus(Duration.ofDays(5)), Source.agent("agent-7")),
                        -10, null, List.of(new LotDraw(4, -10))));
    }

    private static LedgerEntry.Stamp stamp(MemberNumber member, long seq, Instant at, Source source) {
        return new LedgerEntry.Stamp(member, seq, IdempotencyKey.of("e" + seq), at, "reason " + seq, source);
    }

    private static LedgerEntry accrual(MemberNumber member, long seq, String key) {
        return new LedgerEntry.Accrual(new LedgerEntry.Stamp(member, seq, IdempotencyKey.of(key),
                ContractFixtures.EPOCH, "bonus", Source.promotion("p")), 10, 0, BigDecimal.ZERO, 0, List.of(), null,
                null, List.of());
    }

    @Test
    @DisplayName("appended entries read back equal, every kind and field included, in sequence order")
    void appendRoundTrip() {
        List<LedgerEntry> all = everyKind(ANN);
        all.forEach(store::append);
        assertEquals(all, store.entries(ANN, 0, 100));
        assertEquals(6, store.lastSequence(ANN));
        assertEquals(Optional.of(all.get(2)), store.findByKey(ANN, IdempotencyKey.of("e3")));
    }

    @Test
    @DisplayName("appended entries are read in pages after a sequence number")
    void appendPaging() {
        List<LedgerEntry> all = everyKind(ANN);
        all.forEach(store::append);
        assertEquals(all.subList(2, 4), store.entries(ANN, 2, 2));
        assertEquals(all.subList(4, 6), store.entries(ANN, 4, 10));
        assertEquals(List.of(), store.entries(ANN, 6, 10));
    }

    @Test
    @DisplayName("appended entries belong to their member only")
    void appendPerMember() {
        store.append(accrual(ANN, 1, "k1"));
        store.append(accrual(BOB, 1, "k1"));
        assertEquals(1, store.lastSequence(ANN));
        assertEquals(1, store.lastSequence(BOB));
        assertEquals(0, store.lastSequence(MemberNumber.of("NOBODY")));
        assertEquals(List.of(), store.entries(MemberNumber.of("NOBODY"), 0, 10));
        assertEquals(Optional.empty(), store.findByKey(ANN, IdempotencyKey.of("k2")));
    }

    @Test
    @DisplayName("a key finds its own member's entry only, never another member's under the same key")
    void keyBelongsToItsMember() {
        LedgerEntry anns = accrual(ANN, 1, "only-ann");
        LedgerEntry bobs = accrual(BOB, 1, "only-bob");
        store.append(anns);
        store.append(bobs);
        assertEquals(Optional.empty(), store.findByKey(BOB, IdempotencyKey.of("only-ann")));
        assertEquals(Optional.empty(), store.findByKey(ANN, IdempotencyKey.of("only-bob")));
        assertEquals(Optional.of(anns), store.findByKey(ANN, IdempotencyKey.of("only-ann")));
        assertEquals(Optional.of(bobs), store.findByKey(BOB, IdempotencyKey.of("only-bob")));
    }

    @Test
    @DisplayName("a batch appends all its entries, several members' and several of one member's, or none of them")
    void batchesAppendAllOrNothing() {
        Assumptions.assumeTrue(store.appendsBatches(), "the store appends one entry at a time");
        store.append(accrual(ANN, 1, "a1"));
        store.appendAll(List.of(accrual(ANN, 2, "a2"), accrual(BOB, 1, "b1"), accrual(ANN, 3, "a3")));
        assertEquals(3, store.lastSequence(ANN));
        assertEquals(1, store.lastSequence(BOB));
        assertEquals(Optional.of(accrual(ANN, 3, "a3")), store.findByKey(ANN, IdempotencyKey.of("a3")));
        assertThrows(VersionConflictException.class, () -> store.appendAll(List.of(accrual(BOB, 2, "b2"),
                accrual(ANN, 3, "a4"))));
        assertThrows(DuplicateException.class, () -> store.appendAll(List.of(accrual(BOB, 2, "b2"),
                accrual(ANN, 4, "a1"))));
        assertThrows(DuplicateException.class, () -> store.appendAll(List.of(accrual(BOB, 2, "b2"),
                accrual(BOB, 3, "b2"))));
        assertEquals(1, store.lastSequence(BOB), "a refused batch stores nothing");
        assertEquals(3, store.lastSequence(ANN));
        List<LedgerEntry> tooMany = new ArrayList<>();
        for (int i = 1; i <= LedgerStore.MAX_BATCH + 1; i++) {
            tooMany.add(accrual(MemberNumber.of("M-" + i), 1, "k"));
        }
        assertThrows(RuleViolationException.class, () -> store.appendAll(tooMany));
        assertEquals(0, store.lastSequence(MemberNumber.of("M-1")));
    }

    @Test
    @DisplayName("a batch checked against members appends only when each member is at the version given")
    void batchesCheckMembersVersions() {
        MemberRepository members = checkedMembers();
        Assumptions.assumeTrue(members != null, "the store checks no member repository's versions");
        assertTrue(store.checksVersionsIn(members));
        Member ann = members.save(Member.enroll(ANN, "club", CustomerId.of("c-ann"), ContractFixtures.EPOCH, "blue"));
        Member bob = members.save(Member.enroll(BOB, "club", CustomerId.of("c-bob"), ContractFixtures.EPOCH, "blue"));
        store.appendAll(List.of(accrual(ANN, 1, "a1"), accrual(BOB, 1, "b1")),
                Map.of(ANN, ann.version(), BOB, bob.version()));
        assertEquals(1, store.lastSequence(ANN));
        assertEquals(1, store.lastSequence(BOB));

        Member suspended = members.save(bob.withStatus(MemberStatus.SUSPENDED)); // changed behind the batch
        VersionConflictException refused = assertThrows(VersionConflictException.class, () -> store.appendAll(
                List.of(accrual(ANN, 2, "a2"), accrual(BOB, 2, "b2")), Map.of(ANN, ann.version(), BOB, bob.version())));
        assertTrue(refused.getMessage().contains(BOB.value()), "the refusal names the member: " + refused.getMessage());
        assertEquals(1, store.lastSequence(ANN), "a refused batch stores nothing");
        assertEquals(1, store.lastSequence(BOB));
        MemberNumber nobody = MemberNumber.of("CAT-003");
        assertThrows(VersionConflictException.class, () -> store.appendAll(List.of(accrual(nobody, 1, "c1")),
                Map.of(nobody, 1L)), "a member not stored is at no version");
        assertEquals(0, store.lastSequence(nobody));

        store.appendAll(List.of(accrual(ANN, 2, "a2"), accrual(BOB, 2, "b2")),
                Map.of(ANN, ann.version(), BOB, suspended.version()));
        assertEquals(2, store.lastSequence(BOB));
    }

    @Test
    @DisplayName("of racing batches over the same members exactly one wins")
    void racingBatchesExactlyOneWins() throws Exception {
        Assumptions.assumeTrue(store.appendsBatches(), "the store appends one entry at a time");
        int won = Races.winners(6, w -> {
            try {
                store.appendAll(List.of(accrual(BOB, 1, "w" + w), accrual(ANN, 1, "w" + w)));
                return true;
            } catch (VersionConflictException | DuplicateException e) {
                return false;
            }
        });
        assertEquals(1, won);
        assertEquals(1, store.lastSequence(ANN));
        assertEquals(store.entries(ANN, 0, 10).get(0).key(), store.entries(BOB, 0, 10).get(0).key());
    }

    @Test
    @DisplayName("1,001 entries come whole in pages of 10,000 or 1,000: no page is capped")
    void entriesNotCapped() {
        List<LedgerEntry> all = new ArrayList<>();
        for (int seq = 1; seq <= 1_001; seq++) {
            LedgerEntry e = accrual(ANN, seq, "k" + seq);
            store.append(e);
            all.add(e);
        }
        assertEquals(all, store.entries(ANN, 0, 10_000), "one page of 10,000");
        List<LedgerEntry> paged = new ArrayList<>(store.entries(ANN, 0, 1_000));
        assertEquals(1_000, paged.size(), "a first page of 1,000");
        paged.addAll(store.entries(ANN, 1_000, 1_000));
        assertEquals(all, paged, "pages of 1,000");
    }

    @Test
    @DisplayName("a rewrite replaces every entry's document at once, keeping sequences and keys")
    void rewriteReplacesDocuments() {
        List<LedgerEntry> all = everyKind(ANN);
        all.forEach(store::append);
        store.append(accrual(BOB, 1, "e1"));
        List<LedgerEntry> renamed = List.of(rereasoned(all.get(0), "first, erased"), rereasoned(all.get(1), "x"),
                rereasoned(all.get(2), "x"), rereasoned(all.get(3), "x"), rereasoned(all.get(4), "x"),
                rereasoned(all.get(5), "x"));
        store.rewrite(ANN, renamed);
        assertEquals(renamed, store.entries(ANN, 0, 100));
        assertEquals(Optional.of(renamed.get(0)), store.findByKey(ANN, IdempotencyKey.of("e1")));
        assertEquals(6, store.lastSequence(ANN));
        assertEquals(List.of(accrual(BOB, 1, "e1")), store.entries(BOB, 0, 10), "another member's book is untouched");
        store.append(accrual(ANN, 7, "e7"));
    }

    @Test
    @DisplayName("a rewrite that drops, adds or reorders an entry is refused and changes nothing")
    void rewriteMustMatch() {
        List<LedgerEntry> all = everyKind(ANN);
        all.forEach(store::append);
        assertThrows(RuleViolationException.class, () -> store.rewrite(ANN, all.subList(0, 5)));
        List<LedgerEntry> swapped = new ArrayList<>(all);
        swapped.set(0, all.get(1));
        swapped.set(1, all.get(0));
        assertThrows(RuleViolationException.class, () -> store.rewrite(ANN, swapped));
        assertThrows(RuleViolationException.class, () -> store.rewrite(BOB, all));
        assertEquals(all, store.entries(ANN, 0, 100));
    }

    private static LedgerEntry rereasoned(LedgerEntry e, String reason) {
        LedgerEntry.Stamp s = e.stamp();
        LedgerEntry.Stamp stamp = new LedgerEntry.Stamp(s.member(), s.sequence(), s.key(), s.at(), reason, s.source());
        if (e instanceof LedgerEntry.Accrual a) {
            return new LedgerEntry.Accrual(stamp, a.points(), a.qualifyingPoints(), a.spend(), a.activities(),
                    a.awards(), a.expiresOn(), a.releases(), a.draws());
        }
        if (e instanceof LedgerEntry.Pending p) {
            return new LedgerEntry.Pending(stamp, p.points(), p.qualifyingPoints(), p.spend(), p.activities(),
                    p.awards(), p.postsAt());
        }
        if (e instanceof LedgerEntry.Redemption r) {
            return new LedgerEntry.Redemption(stamp, r.points(), null, r.draws());
        }
        if (e instanceof LedgerEntry.Reversal r) {
            return new LedgerEntry.Reversal(stamp, r.original(), r.points(), r.forgiven(), r.policy(),
                    r.qualifyingPoints(), r.spend(), r.activities(), r.expiresOn(), r.draws());
        }
        LedgerEntry.Adjustment a = (LedgerEntry.Adjustment) e;
        return new LedgerEntry.Adjustment(stamp, a.points(), a.expiresOn(), a.draws());
    }

    @Test
    @DisplayName("an append out of sequence is refused naming both sequences, and stores nothing")
    void appendOutOfSequence() {
        store.append(accrual(ANN, 1, "k1"));
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> store.append(accrual(ANN, 3, "k3")));
        assertEquals(2, e.expectedVersion());
        assertEquals(1, e.actualVersion());
        assertThrows(VersionConflictException.class, () -> store.append(accrual(ANN, 1, "k1b")));
        assertEquals(1, store.lastSequence(ANN));
        assertEquals(Optional.empty(), store.findByKey(ANN, IdempotencyKey.of("k3")));
    }

    @Test
    @DisplayName("an append reusing a key is refused and stores nothing")
    void appendDuplicateKey() {
        store.append(accrual(ANN, 1, "k1"));
        assertThrows(DuplicateException.class, () -> store.append(accrual(ANN, 2, "k1")));
        assertEquals(1, store.lastSequence(ANN));
    }

    @Test
    @DisplayName("after a member's entries are deleted appends start again at 1; deleting twice is harmless")
    void deleteMember() {
        store.append(accrual(ANN, 1, "k1"));
        store.append(accrual(BOB, 1, "k1"));
        store.deleteMember(ANN);
        store.deleteMember(ANN);
        assertEquals(0, store.lastSequence(ANN));
        assertEquals(1, store.lastSequence(BOB));
        store.append(accrual(ANN, 1, "k1"));
    }

    @Test
    @DisplayName("asking for a page of 0 or more than 10,000 entries is refused")
    void pageLimits() {
        assertThrows(CrmException.class, () -> store.entries(ANN, 0, 0));
        assertThrows(CrmException.class, () -> store.entries(ANN, 0, 10_001));
    }

    @Test
    @DisplayName("of racing appends of one sequence exactly one wins")
    void racingAppendsExactlyOneWins() throws Exception {
        int won = Races.winners(6, w -> {
            try {
                store.append(accrual(ANN, 1, "w" + w));
                return true;
            } catch (VersionConflictException | DuplicateException e) {
                return false;
            }
        });
        assertEquals(1, won);
        assertEquals(1, store.entries(ANN, 0, 10).size());
    }

    @Test
    @DisplayName("a store failure reaches every caller as a CrmException")
    void storeFailuresAreCrmExceptions() {
        store.append(accrual(ANN, 1, "k1"));
        breakStore();
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("append", () -> store.append(accrual(ANN, 2, "k2")));
        ops.put("entries", () -> store.entries(ANN, 0, 10));
        ops.put("lastSequence", () -> store.lastSequence(ANN));
        ops.put("findByKey", () -> store.findByKey(ANN, IdempotencyKey.of("k1")));
        if (store.appendsBatches()) {
            ops.put("appendAll", () -> store.appendAll(List.of(accrual(ANN, 2, "k2"))));
        }
        ops.put("rewrite", () -> store.rewrite(ANN, List.of(accrual(ANN, 1, "k1"))));
        ops.put("deleteMember", () -> store.deleteMember(ANN));
        for (Map.Entry<String, Runnable> op : ops.entrySet()) {
            try {
                op.getValue().run();
                fail(op.getKey() + " on a failed store returned normally");
            } catch (CrmException expected) {
                // what the SPI promises
            } catch (RuntimeException e) {
                fail(op.getKey() + " on a failed store threw " + e.getClass().getName()
                        + " instead of a CrmException: " + e.getMessage(), e);
            }
        }
    }
}
