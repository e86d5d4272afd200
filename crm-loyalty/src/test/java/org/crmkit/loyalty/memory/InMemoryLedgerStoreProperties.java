package org.crmkit.loyalty.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * The in-memory ledger store against a model of one list per member: random appends (fresh keys, used keys, keys
 * whose hashes collide, wrong sequences), batches, rewrites and deletions over three members, long enough for
 * journals to pass the length from which keys are also indexed in a map.
 */
class InMemoryLedgerStoreProperties {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<MemberNumber> MEMBERS = List.of(MemberNumber.of("M-0"), MemberNumber.of("M-1"),
            MemberNumber.of("M-2"));

    /** One step: 0-5 append, 6 append out of sequence, 7 a batch of two, 8 rewrite, 9 delete (rarely). */
    record Step(int action, int member, int other, int key, boolean twin) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> action = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.integers().between(0, 5)),
                Tuple.of(8, Arbitraries.just(6)), Tuple.of(8, Arbitraries.just(7)),
                Tuple.of(3, Arbitraries.just(8)), Tuple.of(1, Arbitraries.just(9)));
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS.size() - 1);
        return Combinators.combine(action, member, member, Arbitraries.integers().between(0, 150),
                Arbitraries.of(true, false)).as(Step::new).list().ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 60)
    void answersAsOneListPerMember(@ForAll("steps") List<Step> steps) {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Map<MemberNumber, List<LedgerEntry>> model = new HashMap<>();
        MEMBERS.forEach(m -> model.put(m, new ArrayList<>()));
        int rewrites = 0;
        for (Step s : steps) {
            MemberNumber m = MEMBERS.get(s.member());
            List<LedgerEntry> held = model.get(m);
            LedgerEntry next = entry(m, held.size() + 1, key(s), "r");
            switch (s.action()) {
                case 6 -> {
                    assertThrows(VersionConflictException.class,
                            () -> store.append(entry(m, held.size() + 2, key(s), "r")));
                }
                case 7 -> {
                    MemberNumber o = MEMBERS.get(s.other());
                    int oNext = o.equals(m) ? held.size() + 2 : model.get(o).size() + 1;
                    LedgerEntry second = entry(o, oNext, IdempotencyKey.of("b" + s.key()), "r");
                    if (uses(held, next.key()) || uses(model.get(o), second.key())
                            || o.equals(m) && next.key().equals(second.key())) {
                        assertThrows(DuplicateException.class, () -> store.appendAll(List.of(next, second)));
                    } else {
                        store.appendAll(List.of(next, second));
                        held.add(next);
                        model.get(o).add(second);
                    }
                }
                case 8 -> {
                    String reason = "rewritten " + rewrites++;
                    List<LedgerEntry> rewritten = held.stream()
                            .map(e -> entry(m, e.sequence(), e.key(), reason)).toList();
                    store.rewrite(m, rewritten);
                    held.clear();
                    held.addAll(rewritten);
                }
                case 9 -> {
                    store.deleteMember(m);
                    held.clear();
                }
                default -> {
                    if (uses(held, next.key())) {
                        assertThrows(DuplicateException.class, () -> store.append(next));
                    } else {
                        store.append(next);
                        held.add(next);
                    }
                }
            }
            for (MemberNumber member : MEMBERS) {
                check(store, member, model.get(member), s);
            }
        }
    }

    private static void check(InMemoryLedgerStore store, MemberNumber m, List<LedgerEntry> held, Step s) {
        assertEquals(held.size(), store.lastSequence(m), "last sequence of " + m);
        assertEquals(held, store.entries(m, 0, 10_000), "entries of " + m);
        if (held.size() > 3) {
            assertEquals(held.subList(2, Math.min(held.size(), 5)), store.entries(m, 2, 3), "a page of " + m);
        }
        IdempotencyKey asked = key(s);
        Optional<LedgerEntry> expected = held.stream().filter(e -> e.key().equals(asked)).findFirst();
        assertEquals(expected, store.findByKey(m, asked), "entry of " + m + " under " + asked);
    }

    private static boolean uses(List<LedgerEntry> held, IdempotencyKey key) {
        return held.stream().anyMatch(e -> e.key().equals(key));
    }

    /** Keys ending "Aa" and "BB" have the same hash: a lookup must not stop at the hash. */
    private static IdempotencyKey key(Step s) {
        return IdempotencyKey.of("k" + s.key() + (s.twin() ? "Aa" : "BB"));
    }

    private static LedgerEntry entry(MemberNumber m, long seq, IdempotencyKey key, String reason) {
        return new LedgerEntry.Accrual(new LedgerEntry.Stamp(m, seq, key, AT, reason, Source.system("test")), seq,
                0, BigDecimal.ZERO, 0, List.of(), null, null, List.of(), null);
    }
}
