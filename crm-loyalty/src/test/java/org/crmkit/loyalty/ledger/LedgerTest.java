package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.accrue;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.purchase;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.crmkit.loyalty.ledger.Books.reverse;
import static org.crmkit.loyalty.ledger.Books.sumOfEntries;
import static org.crmkit.loyalty.ledger.Books.sumOfLots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.common.MutableClock;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.core.common.TimeWindow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final MutableClock clock = MutableClock.at(JAN_2026);

    private static Program store(ExpiryPolicy expiry) {
        return Program.builder("store", "Store points", USD).expiry(expiry)
                .earningRules(EarningRule.perSpend("base", dec("1")).qualifying(true).build())
                .tiers(Tier.base("member"), Tier.base("gold").withQualifyingPoints(1000)).build();
    }

    @Nested
    @DisplayName("a posting")
    class Postings {
        private final Ledger ledger = Books.ledger(store(ExpiryPolicy.never()), clock);
        private final MemberNumber ann = enroll(ledger, "ANN-1");

        @Test
        @DisplayName("keeps balance, entries and open lots equal")
        void balanceIsSumOfEntriesAndLots() {
            ledger.post(accrue(ann, "a1", 300, false, JAN_2026));
            ledger.post(accrue(ann, "a2", 200, false, JAN_2026));
            ledger.post(redeem(ann, "r1", 350, JAN_2026));
            assertEquals(150, ledger.balance(ann));
            assertEquals(150, sumOfEntries(ledger, ann));
            assertEquals(150, sumOfLots(ledger, ann));
            assertEquals(List.of(new Lot(2, LocalDate.of(2026, 1, 5), null, 150)), ledger.lots(ann));
        }

        @Test
        @DisplayName("repeated with its key returns the first entry and changes nothing")
        void replayIsIdempotent() {
            LedgerEntry first = ledger.post(accrue(ann, "a1", 300, false, JAN_2026));
            LedgerEntry again = ledger.post(accrue(ann, "a1", 300, false, JAN_2026));
            assertEquals(first, again);
            assertEquals(300, ledger.balance(ann));
            assertEquals(1, ledger.entries(ann).size());
        }

        @Test
        @DisplayName("repeated with its key and another payload is a conflict that changes nothing")
        void replayWithOtherPayloadConflicts() {
            ledger.post(accrue(ann, "a1", 300, false, JAN_2026));
            IdempotencyConflictException e = assertThrows(IdempotencyConflictException.class,
                    () -> ledger.post(accrue(ann, "a1", 301, false, JAN_2026)));
            assertTrue(e.getMessage().contains("a1"), e.getMessage());
            assertEquals(300, ledger.balance(ann));
        }

        @Test
        @DisplayName("of a touchpoint earns once however often it is offered")
        void touchpointEarnsOnce() {
            var tp = purchase("t1", ann, JAN_2026, "42.90");
            ledger.post(new Posting.Earn(ann, tp, null));
            ledger.post(new Posting.Earn(ann, tp, null));
            assertEquals(42, ledger.balance(ann));
            assertEquals(1, ledger.entries(ann).size());
        }

        @Test
        @DisplayName("redeeming more than the balance is refused and changes nothing")
        void overdraftRefused() {
            ledger.post(accrue(ann, "a1", 100, false, JAN_2026));
            RuleViolationException e = assertThrows(RuleViolationException.class,
                    () -> ledger.post(redeem(ann, "r1", 101, JAN_2026)));
            assertEquals("balance of ANN-1 must cover the redemption: 100 < 101", e.getMessage());
            assertEquals(100, ledger.balance(ann));
            assertEquals(1, ledger.entries(ann).size());
        }

        @Test
        @DisplayName("redemption takes the oldest lots first, and records which")
        void redemptionDrawsOldestFirst() {
            ledger.post(accrue(ann, "a1", 100, false, JAN_2026));
            ledger.post(accrue(ann, "a2", 100, false, JAN_2026));
            LedgerEntry r = ledger.post(redeem(ann, "r1", 150, JAN_2026));
            assertEquals(List.of(new LotDraw(1, -100), new LotDraw(2, -50)), r.draws());
        }

        @Test
        @DisplayName("by a suspended member cannot earn or redeem, but can be reversed")
        void suspendedMember() {
            ledger.post(accrue(ann, "a1", 100, false, JAN_2026));
            ledger.members().save(ledger.members().findById(ann).orElseThrow().withStatus(MemberStatus.SUSPENDED));
            assertThrows(RuleViolationException.class, () -> ledger.post(accrue(ann, "a2", 5, false, JAN_2026)));
            assertThrows(RuleViolationException.class, () -> ledger.post(redeem(ann, "r1", 5, JAN_2026)));
            ledger.post(reverse(ann, "x1", "a1", JAN_2026));
            assertEquals(0, ledger.balance(ann));
        }

        @Test
        @DisplayName("for an unknown member is not found")
        void unknownMember() {
            assertThrows(NotFoundException.class,
                    () -> ledger.post(accrue(MemberNumber.of("NOBODY"), "a1", 1, false, JAN_2026)));
        }

        @Test
        @DisplayName("adjusting needs a reason, and a debit cannot go below zero")
        void adjustments() {
            assertThrows(RuleViolationException.class, () -> new Posting.Adjust(ann, IdempotencyKey.of("j1"), 10,
                    JAN_2026, " ", Source.agent("a1")));
            ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("j1"), 10, JAN_2026, "goodwill", Source.agent("a1")));
            assertThrows(RuleViolationException.class, () -> ledger.post(new Posting.Adjust(ann,
                    IdempotencyKey.of("j2"), -11, JAN_2026, "correction", Source.agent("a1"))));
            assertEquals(10, ledger.balance(ann));
        }

        @Test
        @DisplayName("pending points post on their date, once, and can be cancelled before")
        void pendingPoints() {
            Instant checkout = JAN_2026.plus(Duration.ofDays(3));
            ledger.post(new Posting.Earn(ann, purchase("stay-1", ann, JAN_2026, "200"), null, checkout));
            ledger.post(new Posting.Earn(ann, purchase("stay-2", ann, JAN_2026, "50"), null, checkout));
            assertEquals(0, ledger.balance(ann));
            assertEquals(250, ledger.standing(ann).pendingPoints());
            ledger.post(reverse(ann, "cancel-2", "touchpoint:stay-2", JAN_2026));
            assertEquals(List.of(), ledger.releasePending(ann, JAN_2026));
            List<LedgerEntry> posted = ledger.releasePending(ann, checkout);
            assertEquals(1, posted.size());
            assertEquals(200, ledger.balance(ann));
            assertEquals(List.of(), ledger.releasePending(ann, checkout));
            assertEquals(0, ledger.standing(ann).pendingPoints());
            // a refund after posting takes back the posted points
            ledger.post(reverse(ann, "refund-1", "touchpoint:stay-1", checkout));
            assertEquals(0, ledger.balance(ann));
        }
    }

    @Nested
    @DisplayName("expiry")
    class Expiries {
        @Test
        @DisplayName("takes lots first earned first, at the month end after N months, and is idempotent")
        void afterEarning() {
            Ledger ledger = Books.ledger(store(ExpiryPolicy.afterEarning(12, ExpiryPolicy.RoundTo.MONTH_END)), clock);
            MemberNumber m = enroll(ledger, "EXP-1");
            ledger.post(accrue(m, "a1", 100, false, Instant.parse("2026-01-10T00:00:00Z")));
            ledger.post(accrue(m, "a2", 50, false, Instant.parse("2026-02-10T00:00:00Z")));
            ledger.post(redeem(m, "r1", 30, Instant.parse("2026-03-01T00:00:00Z")));
            assertEquals(Optional.empty(), ledger.expire(m, Instant.parse("2027-01-31T12:00:00Z")));
            Instant run = Instant.parse("2027-02-01T01:00:00Z");
            LedgerEntry x = ledger.expire(m, run).orElseThrow();
            assertEquals(70, ((LedgerEntry.Expiry) x).points());
            assertEquals(List.of(new LotDraw(1, -70)), x.draws());
            assertEquals(x, ledger.expire(m, run).orElseThrow());
            assertEquals(50, ledger.balance(m));
            assertEquals(50, sumOfLots(ledger, m));
        }

        @Test
        @DisplayName("after months without activity takes every lot")
        void afterInactivity() {
            Ledger ledger = Books.ledger(store(ExpiryPolicy.afterInactivity(6)), clock);
            MemberNumber m = enroll(ledger, "EXP-2");
            ledger.post(accrue(m, "a1", 100, false, Instant.parse("2026-01-10T00:00:00Z")));
            ledger.post(accrue(m, "a2", 50, false, Instant.parse("2026-03-10T00:00:00Z")));
            assertEquals(Optional.empty(), ledger.expire(m, Instant.parse("2026-09-09T00:00:00Z")));
            assertEquals(150, ((LedgerEntry.Expiry) ledger.expire(m, Instant.parse("2026-09-10T00:00:00Z"))
                    .orElseThrow()).points());
            assertEquals(0, ledger.balance(m));
        }
    }

    @Nested
    @DisplayName("earning rules")
    class Earning {
        @Test
        @DisplayName("a promotion earns only in its window and up to its cap per member")
        void promotionWindowAndCap() {
            TimeWindow january = TimeWindow.between(Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-02-01T00:00:00Z"));
            Program p = Program.builder("store", "Store", USD)
                    .earningRules(EarningRule.perSpend("base", dec("1")).build(),
                            EarningRule.multiplier("january-triple", dec("3")).validity(january).cap(100).build())
                    .build();
            Ledger ledger = Books.ledger(p, clock);
            MemberNumber m = enroll(ledger, "PROMO-1");
            LedgerEntry.Accrual a = (LedgerEntry.Accrual) ledger.post(
                    new Posting.Earn(m, purchase("t1", m, JAN_2026, "30"), null));
            assertEquals(List.of(new Award("base", 30, false), new Award("january-triple", 60, false)), a.awards());
            a = (LedgerEntry.Accrual) ledger.post(new Posting.Earn(m, purchase("t2", m, JAN_2026, "30"), null));
            assertEquals(List.of(new Award("base", 30, false), new Award("january-triple", 40, false)), a.awards());
            ledger.post(Books.reverse(m, "undo-t2", "touchpoint:t2", JAN_2026)); // gives the cap's 40 back
            a = (LedgerEntry.Accrual) ledger.post(new Posting.Earn(m, purchase("t2b", m, JAN_2026, "30"), null));
            assertEquals(List.of(new Award("base", 30, false), new Award("january-triple", 40, false)), a.awards());
            a = (LedgerEntry.Accrual) ledger.post(new Posting.Earn(m,
                    purchase("t3", m, Instant.parse("2026-02-02T00:00:00Z"), "30"), null));
            assertEquals(List.of(new Award("base", 30, false)), a.awards());
        }

        @Test
        @DisplayName("rounds each rule's points by the program's rounding mode")
        void rounding() {
            Program p = Program.builder("store", "Store", USD).rounding(java.math.RoundingMode.HALF_UP)
                    .earningRules(EarningRule.perSpend("base", dec("1")).build()).build();
            Ledger ledger = Books.ledger(p, clock);
            MemberNumber m = enroll(ledger, "ROUND-1");
            ledger.post(new Posting.Earn(m, purchase("t1", m, JAN_2026, "10.50"), null));
            assertEquals(11, ledger.balance(m));
        }

        @Test
        @DisplayName("a touchpoint in another currency is refused")
        void otherCurrency() {
            Ledger ledger = Books.ledger(store(ExpiryPolicy.never()), clock);
            MemberNumber m = enroll(ledger, "CUR-1");
            var eur = purchase("t1", m, JAN_2026, "10").toBuilder()
                    .amount(org.crmkit.core.common.Money.of("10", "EUR")).build();
            RuleViolationException e = assertThrows(RuleViolationException.class,
                    () -> ledger.post(new Posting.Earn(m, eur, null)));
            assertEquals("touchpoint amount must be in the program currency USD: 10.00 EUR", e.getMessage());
            assertEquals(0, ledger.entries(m).size());
        }

        @Test
        @DisplayName("a rule with an eligibility condition needs a subject")
        void eligibilityNeedsSubject() {
            Program p = Program.builder("store", "Store", USD).earningRules(EarningRule
                    .perTouchpoint("visit", TouchpointKind.PURCHASE, 5)
                    .eligibility(org.crmkit.loyalty.facts.LoyaltyFacts.tier().eq("member")).build()).build();
            Ledger ledger = Books.ledger(p, clock);
            MemberNumber m = enroll(ledger, "ELIG-1");
            assertThrows(RuleViolationException.class,
                    () -> ledger.post(new Posting.Earn(m, purchase("t1", m, JAN_2026, "10"), null)));
        }
    }

    @Test
    @DisplayName("a statement shows opening, entries, closing, points expiring soon and tier progress")
    void statement() {
        Ledger ledger = Books.ledger(store(ExpiryPolicy.afterEarning(12, ExpiryPolicy.RoundTo.MONTH_END)), clock);
        MemberNumber m = enroll(ledger, "STMT-1");
        ledger.post(accrue(m, "dec", 100, true, Instant.parse("2025-12-20T00:00:00Z")));
        ledger.post(accrue(m, "jan", 250, true, Instant.parse("2026-01-15T00:00:00Z")));
        ledger.post(redeem(m, "feb", 40, Instant.parse("2026-02-03T00:00:00Z")));
        clock.set(Instant.parse("2026-11-22T00:00:00Z"));
        Statement s = ledger.statement(m, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertEquals(100, s.opening());
        assertEquals(List.of("jan"), s.entries().stream().map(e -> e.key().value()).toList());
        assertEquals(350, s.closing());
        assertEquals(List.of(), s.expiringSoon());
        Statement nov = ledger.statement(m, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
        assertEquals(310, nov.opening());
        assertEquals(List.of(new Statement.Expiring(LocalDate.of(2027, 1, 1), 60),
                new Statement.Expiring(LocalDate.of(2027, 2, 1), 250)), nov.expiringSoon());
        assertEquals(List.of(new Statement.Expiring(LocalDate.of(2027, 1, 1), 60)),
                ledger.statement(m, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)).expiringSoon());
        assertEquals("750 qualifying points to gold by 2026-12-31", nov.progress().describe("points"));
    }

    @Test
    @DisplayName("a reversal of an unknown key is not found, of an expiry is refused")
    void reversalTargets() {
        Ledger ledger = Books.ledger(store(ExpiryPolicy.afterInactivity(1)), clock);
        MemberNumber m = enroll(ledger, "REV-1");
        assertThrows(NotFoundException.class, () -> ledger.post(reverse(m, "x1", "nothing", JAN_2026)));
        ledger.post(accrue(m, "a1", 10, false, JAN_2026));
        LedgerEntry x = ledger.expire(m, JAN_2026.plus(Duration.ofDays(40))).orElseThrow();
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> ledger.post(reverse(m, "x2", x.key().value(), JAN_2026.plus(Duration.ofDays(41)))));
        assertTrue(e.getMessage().contains("is expiry"), e.getMessage());
        assertFalse(ledger.entries(m).stream().anyMatch(en -> en instanceof LedgerEntry.Reversal));
        assertInstanceOf(LedgerEntry.Expiry.class, x);
    }
}
