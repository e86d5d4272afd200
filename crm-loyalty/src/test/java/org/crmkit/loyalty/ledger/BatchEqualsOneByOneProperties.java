package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.spi.ForwardingLedgerStore;

/**
 * A batch ends as posting its postings one by one in order would: the same entries in every member's ledger, the
 * same tiers, the same refusals at the same positions and the same events, whichever kinds, replays and unknown
 * members the batch mixes (the batch path decides credits together; everything else goes one by one).
 */
class BatchEqualsOneByOneProperties {
    private static final int MEMBERS = 5;
    private final Program program = Program.builder("store", "Store points", USD)
            .earningRules(EarningRule.perSpend("base", dec("1")).qualifying(true).build(),
                    EarningRule.multiplier("gold", dec("2")).tiers("gold").build())
            .tiers(Tier.base("member"), Tier.base("gold", "lounge").withQualifyingPoints(300))
            .expiry(ExpiryPolicy.afterEarning(12, ExpiryPolicy.RoundTo.EXACT)).build();

    /** One posting: 0-3 accrue, 4 earn, 5 adjust, 6 redeem, 7 reverse, 8 transfer, 9 replay an earlier key. */
    record Step(int kind, int who, int other, long points, int keyOf) {
    }

    @Provide
    Arbitrary<List<Step>> batches() {
        return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, MEMBERS),
                Arbitraries.integers().between(0, MEMBERS - 1), Arbitraries.longs().between(-50, 250),
                Arbitraries.integers().between(0, 60)).as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void aBatchEndsAsOneByOne(@ForAll("batches") List<Step> steps) {
        List<Posting> postings = postings(steps);
        Side batch = new Side(program, true);
        Side single = new Side(program, false);
        BatchResult together = batch.ledger.postAll(postings);
        BatchResult alone = single.ledger.postAll(postings);
        assertEquals(alone.entries(), together.entries(), "entries by position");
        assertEquals(alone.refusals().keySet(), together.refusals().keySet(), "refusals by position");
        alone.refusals().forEach((i, e) -> assertEquals(e.getClass(), together.refusals().get(i).getClass(),
                "refusal " + i));
        for (int i = 0; i <= MEMBERS; i++) {
            MemberNumber m = MemberNumber.of("M-" + i);
            if (i < MEMBERS) {
                assertEquals(single.ledger.entries(m), batch.ledger.entries(m), m + "'s ledger");
                assertEquals(single.ledger.standing(m), batch.ledger.standing(m), m + "'s standing");
            }
        }
        assertEquals(new HashSet<>(single.events), new HashSet<>(batch.events), "events");
        assertEquals(single.events.size(), batch.events.size(), "as many events");
        // Run again, what went through returns its first entry (what was refused may now go through).
        BatchResult again = batch.ledger.postAll(postings);
        together.entries().forEach((i, e) -> assertEquals(e, again.entries().get(i), "posting " + i + " again"));
    }

    private static List<Posting> postings(List<Step> steps) {
        List<Posting> out = new ArrayList<>();
        Instant at = JAN_2026;
        for (int n = 0; n < steps.size(); n++) {
            Step s = steps.get(n);
            at = at.plus(Duration.ofHours(1));
            MemberNumber m = MemberNumber.of(s.who() == MEMBERS ? "NOBODY" : "M-" + s.who());
            int to = s.other() == s.who() ? (s.other() + 1) % MEMBERS : s.other();
            MemberNumber other = MemberNumber.of("M-" + to);
            IdempotencyKey key = IdempotencyKey.of("k" + n);
            long points = Math.max(1, Math.abs(s.points()));
            Posting p = switch (s.kind()) {
                case 4 -> new Posting.Earn(m, Books.purchase("tp-" + n, m, at, points + ".00"), null);
                case 5 -> new Posting.Adjust(m, key, s.points() == 0 ? 1 : s.points(), at, "fix", Source.agent("a"));
                case 6 -> new Posting.Redeem(m, key, points, null, at, "gift", Source.system("shop"));
                case 7 -> new Posting.Reverse(m, key, IdempotencyKey.of("k" + s.keyOf()), at, "undo",
                        Source.system("shop"));
                case 8 -> new Posting.Transfer(m, other, key, points, at, "gift");
                case 9 -> s.keyOf() < out.size() ? out.get(s.keyOf()) : Books.accrue(m, "k" + n, points, true, at);
                default -> Books.accrue(m, "k" + n, points, true, at);
            };
            out.add(p);
        }
        return out;
    }

    /** A ledger over a store that appends batches, or over the same store made to append one by one. */
    static final class Side {
        final Ledger ledger;
        final List<LoyaltyEvent> events = new ArrayList<>();

        Side(Program program, boolean batches) {
            InMemoryLedgerStore entries = new InMemoryLedgerStore();
            ledger = Ledger.builder(program).clock(MutableClock.at(JAN_2026)).members(new InMemoryMemberRepository())
                    .store(batches ? entries : new ForwardingLedgerStore(entries) {
                        @Override
                        public boolean appendsBatches() {
                            return false;
                        }
                    }).listener(events::add).build();
            for (int i = 0; i < MEMBERS; i++) {
                Books.enroll(ledger, "M-" + i);
            }
        }
    }
}
