package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.crmkit.core.CrmException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.spi.ForwardingLedgerStore;
import org.crmkit.loyalty.spi.LedgerStore;

/**
 * Transfers between members and into a pool (C4's key accounts): random sequences of accruals, redemptions,
 * transfers and replays over four members, against a model of balances; every point is traced lot to lot and none
 * outlives the lot it came from.
 */
class TransferProperties {
    private static final int MEMBERS = 4;
    private final Program program = Program.builder("store", "Store points", USD)
            .tiers(Tier.base("member")).expiry(ExpiryPolicy.afterEarning(12, ExpiryPolicy.RoundTo.EXACT)).build();

    /** One step: 0-2 accrue, 3 redeem, 4-6 transfer, 7 replay the last transfer. */
    record Step(int action, int from, int to, long points, int days) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, MEMBERS - 1);
        return Combinators.combine(Arbitraries.integers().between(0, 7), who, who,
                Arbitraries.longs().between(1, 400), Arbitraries.integers().between(0, 40)).as(Step::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void pointsMoveWholeAndTraceable(@ForAll("steps") List<Step> steps) {
        MutableClock clock = MutableClock.at(JAN_2026);
        Ledger ledger = Books.ledger(program, clock);
        List<MemberNumber> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(Books.enroll(ledger, "M-" + i));
        }
        Map<MemberNumber, Long> balance = new HashMap<>();
        members.forEach(m -> balance.put(m, 0L));
        Posting.Transfer last = null;
        int n = 0;
        for (Step step : steps) {
            clock.advance(Duration.ofDays(step.days()));
            Instant now = clock.instant();
            ledger.expireAll(now);
            members.forEach(m -> balance.put(m, ledger.balance(m))); // expiry is the single-member model's to check
            MemberNumber from = members.get(step.from());
            MemberNumber to = members.get(step.to());
            String key = "k" + n++;
            switch (step.action()) {
                case 0, 1, 2 -> {
                    ledger.post(Books.accrue(from, key, step.points(), false, now));
                    balance.merge(from, step.points(), Long::sum);
                }
                case 3 -> {
                    if (balance.get(from) >= step.points()) {
                        ledger.post(Books.redeem(from, key, step.points(), now));
                        balance.merge(from, -step.points(), Long::sum);
                    }
                }
                case 4, 5, 6 -> {
                    if (from.equals(to)) {
                        continue;
                    }
                    Posting.Transfer t = new Posting.Transfer(from, to, IdempotencyKey.of(key), step.points(), now,
                            "gift");
                    if (balance.get(from) < step.points()) {
                        assertThrows(RuleViolationException.class, () -> ledger.post(t));
                        continue;
                    }
                    LedgerEntry debit = ledger.post(t);
                    balance.merge(from, -step.points(), Long::sum);
                    balance.merge(to, step.points(), Long::sum);
                    traced(ledger, t, debit);
                    last = t;
                }
                default -> {
                    if (last != null) {
                        Map<MemberNumber, Long> before = new HashMap<>();
                        members.forEach(m -> before.put(m, ledger.balance(m)));
                        ledger.post(last);
                        members.forEach(m -> assertEquals(before.get(m), ledger.balance(m), "a replay moves nothing"));
                    }
                }
            }
            for (MemberNumber m : members) {
                assertEquals(balance.get(m), ledger.balance(m), m + "'s balance after " + step);
                assertEquals(ledger.balance(m), ledger.lots(m).stream().mapToLong(Lot::remaining).sum(),
                        m + "'s lots add up to the balance");
            }
        }
    }

    /** The debit and the credit share the key, name each other, and the credit expires no later than its sources. */
    private static void traced(Ledger ledger, Posting.Transfer t, LedgerEntry debit) {
        LedgerEntry credit = ledger.entries(t.to()).stream().filter(e -> e.key().equals(t.key())).findFirst()
                .orElseThrow();
        assertEquals(Source.member(t.to()), debit.stamp().source());
        assertEquals(Source.member(t.member()), credit.stamp().source());
        assertEquals(-t.points(), debit.delta());
        assertEquals(t.points(), credit.delta());
        LocalDate creditExpires = credit.expiresOn();
        for (LotDraw d : debit.draws()) {
            LocalDate source = ledger.entries(t.member()).get((int) d.lot() - 1).expiresOn();
            assertTrue(creditExpires != null && source != null && !creditExpires.isAfter(source),
                    "credit expires " + creditExpires + ", a source lot " + source);
        }
    }

    @Test
    void aTransferInterruptedAfterTheDebitCompletesWhenPostedAgain() {
        MutableClock clock = MutableClock.at(JAN_2026);
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        LedgerStore failing = new ForwardingLedgerStore(new InMemoryLedgerStore()) {
            @Override
            public void append(LedgerEntry entry) {
                if (down.get() && entry.member().value().equals("TO-1")) {
                    throw new CrmException("store unavailable");
                }
                super.append(entry);
            }
        };
        Ledger ledger = Ledger.builder(program).clock(clock).store(failing).build();
        MemberNumber from = Books.enroll(ledger, "FROM-1");
        MemberNumber to = Books.enroll(ledger, "TO-1");
        ledger.post(Books.accrue(from, "a", 100, false, clock.instant()));
        Posting.Transfer t = new Posting.Transfer(from, to, IdempotencyKey.of("t-1"), 60, clock.instant(), "gift");
        down.set(true);
        assertThrows(CrmException.class, () -> ledger.post(t));
        assertEquals(40, ledger.balance(from), "the debit was stored");
        assertEquals(0, ledger.balance(to));
        down.set(false);
        ledger.post(t);
        assertEquals(40, ledger.balance(from), "posted again: the debit is not repeated");
        assertEquals(60, ledger.balance(to), "and the credit is made");
        ledger.post(t);
        assertEquals(60, ledger.balance(to));
    }

    @Test
    void aKeyAccountsPoolCollectsItsPeoplesPointsAndSpendsThem() {
        MutableClock clock = MutableClock.at(JAN_2026);
        Ledger ledger = Books.ledger(program, clock);
        MemberNumber pool = Books.enroll(ledger, "HARBOUR-BANK-POOL");
        MemberNumber lin = Books.enroll(ledger, "LIN-1");
        MemberNumber ana = Books.enroll(ledger, "ANA-2");
        ledger.post(Books.accrue(lin, "lin-1", 300, false, clock.instant()));
        clock.advance(Duration.ofDays(40));
        ledger.post(Books.accrue(ana, "ana-1", 200, false, clock.instant()));
        ledger.post(new Posting.Transfer(lin, pool, IdempotencyKey.of("pool-lin"), 300, clock.instant(), "to pool"));
        ledger.post(new Posting.Transfer(ana, pool, IdempotencyKey.of("pool-ana"), 150, clock.instant(), "to pool"));
        assertEquals(450, ledger.balance(pool));
        assertEquals(0, ledger.balance(lin));
        assertEquals(50, ledger.balance(ana));
        assertEquals(List.of(LocalDate.of(2027, 1, 5), LocalDate.of(2027, 2, 14)),
                ledger.lots(pool).stream().map(Lot::expiresOn).toList(), "each lot keeps its source's expiry");
        ledger.post(Books.redeem(pool, "team-dinner", 400, clock.instant()));
        assertEquals(50, ledger.balance(pool));

        RuleViolationException tooMuch = assertThrows(RuleViolationException.class, () -> ledger.post(
                new Posting.Transfer(ana, pool, IdempotencyKey.of("pool-ana-2"), 51, clock.instant(), "to pool")));
        assertTrue(tooMuch.getMessage().contains("must cover the transfer"), tooMuch::getMessage);
        ledger.post(Books.accrue(pool, "pool-bonus", 10, false, clock.instant()));
        IdempotencyConflictException taken = assertThrows(IdempotencyConflictException.class, () -> ledger.post(
                new Posting.Transfer(ana, pool, IdempotencyKey.of("pool-bonus"), 5, clock.instant(), "to pool")));
        assertTrue(taken.getMessage().contains("not by a transfer from ANA-2"), taken::getMessage);
        assertEquals(50, ledger.balance(ana), "a refused transfer takes nothing from the giver");
        assertThrows(RuleViolationException.class, () -> new Posting.Transfer(ana, ana, IdempotencyKey.of("self"), 1,
                clock.instant(), "to self"));
    }
}
