package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerConcurrencyTest {
    private static final int THREADS = 8;
    private static final int EACH = 500;

    private final Program program = Program.builder("busy", "Busy", Books.USD)
            .tiers(Tier.base("base"), Tier.base("top").withQualifyingPoints(THREADS * EACH / 2)).build();

    @Test
    @DisplayName("concurrent postings to one member, each also replayed, lose no update and count none twice")
    void oneLedgerManyThreads() throws Exception {
        MutableClock clock = MutableClock.at(Books.JAN_2026);
        Ledger ledger = Books.ledger(program, clock);
        MemberNumber m = Books.enroll(ledger, "BUSY-1");
        run(List.of(ledger), m);
        assertEquals("top", ledger.members().findById(m).orElseThrow().tier());
    }

    @Test
    @DisplayName("two ledgers over one store (two nodes) lose no update")
    void twoNodesOneStore() throws Exception {
        MutableClock clock = MutableClock.at(Books.JAN_2026);
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        InMemoryMemberRepository members = new InMemoryMemberRepository();
        Ledger a = Ledger.builder(program).store(store).members(members).clock(clock).build();
        Ledger b = Ledger.builder(program).store(store).members(members).clock(clock).build();
        MemberNumber m = Books.enroll(a, "BUSY-2");
        run(List.of(a, b), m);
        assertEquals(THREADS * EACH, a.balance(m), "node a sees node b's postings");
        assertEquals(THREADS * EACH, b.balance(m), "node b sees node a's postings");
        Ledger fresh = Ledger.builder(program).store(store).members(members).clock(clock).build();
        assertEquals(THREADS * EACH, fresh.balance(m));
    }

    private static void run(List<Ledger> ledgers, MemberNumber m) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        Instant at = Books.JAN_2026;
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < EACH; i++) {
                    Ledger ledger = ledgers.get((thread + i) % ledgers.size());
                    Posting p = Books.accrue(m, "t" + thread + "-" + i, 1, true, at);
                    ledger.post(p);
                    ledgers.get((thread + i + 1) % ledgers.size()).post(p);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Ledger any = ledgers.get(0);
        List<LedgerEntry> entries = any.entries(m);
        assertEquals(THREADS * EACH, entries.size());
        Set<Long> sequences = new HashSet<>();
        entries.forEach(e -> sequences.add(e.sequence()));
        assertEquals(THREADS * EACH, sequences.size());
        assertEquals(THREADS * EACH, Books.sumOfEntries(any, m));
        for (Ledger ledger : ledgers) {
            assertEquals(THREADS * EACH, Books.sumOfLots(ledger, m));
            assertEquals(THREADS * EACH, ledger.balance(m));
        }
    }
}
