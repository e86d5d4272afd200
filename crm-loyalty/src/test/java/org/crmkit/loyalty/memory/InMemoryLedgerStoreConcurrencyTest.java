package org.crmkit.loyalty.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * Many threads appending at once, singly and in batches, to members of their own, through enough entries that
 * the shared log grows chunk after chunk, and its chunk directory too, while they write: every member reads back
 * exactly what was appended.
 */
class InMemoryLedgerStoreConcurrencyTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final int THREADS = 8;
    private static final int MEMBERS_EACH = 100;
    private static final int ROUNDS = 400;

    @Test
    void concurrentAppendsAcrossChunksLoseNothing() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int round = 1; round <= ROUNDS; round++) {
                    List<LedgerEntry> batch = new ArrayList<>();
                    for (int m = 0; m < MEMBERS_EACH; m++) {
                        LedgerEntry e = entry(member(thread, m), round);
                        if (round % 3 == 0) {
                            batch.add(e);
                        } else {
                            store.append(e);
                        }
                    }
                    if (!batch.isEmpty()) {
                        store.appendAll(batch);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (int t = 0; t < THREADS; t++) {
            for (int m = 0; m < MEMBERS_EACH; m++) {
                MemberNumber member = member(t, m);
                List<LedgerEntry> expected = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    expected.add(entry(member, round));
                }
                assertEquals(expected, store.entries(member, 0, 10_000), "entries of " + member);
                assertEquals(ROUNDS, store.lastSequence(member));
            }
        }
    }

    private static MemberNumber member(int thread, int m) {
        return MemberNumber.of("T" + thread + "-" + m);
    }

    private static LedgerEntry entry(MemberNumber m, long seq) {
        return new LedgerEntry.Accrual(new LedgerEntry.Stamp(m, seq, IdempotencyKey.of("k" + seq), AT, "r",
                Source.system("test")), seq, 0, BigDecimal.ZERO, 0, List.of(), null, null, List.of(), null);
    }
}
