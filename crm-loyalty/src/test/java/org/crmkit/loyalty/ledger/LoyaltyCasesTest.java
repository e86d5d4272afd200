package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.purchase;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.crmkit.loyalty.ledger.Books.refundOf;
import static org.crmkit.loyalty.ledger.Books.sumOfLots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.common.MutableClock;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.QualificationPeriod;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Subject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loyalty behaviours of cases C1, C7, C8 and C12. */
class LoyaltyCasesTest {
    private static final TouchpointKind FLIGHT = TouchpointKind.of("flight");
    private static final TouchpointKind RENTAL = TouchpointKind.of("rental");
    private final MutableClock clock = MutableClock.at(Books.JAN_2026);

    /** C12: miles per flight, a bonus for gold and platinum, tiers on qualifying miles per calendar year. */
    static Program airline(boolean softLanding) {
        return Program.builder("skymiles", "Sky Miles", USD).unit("miles").softLanding(softLanding)
                .qualification(QualificationPeriod.CALENDAR_YEAR)
                .earningRules(
                        EarningRule.perTouchpoint("flight", FLIGHT, 1000).qualifying(true).build(),
                        EarningRule.multiplier("gold-bonus", dec("1.5")).tiers("gold").build(),
                        EarningRule.multiplier("platinum-bonus", dec("2")).tiers("platinum").build())
                .tiers(Tier.base("blue"), Tier.base("silver", "priority-check-in").withQualifyingPoints(3000),
                        Tier.base("gold", "lounge", "priority-check-in").withQualifyingPoints(5000),
                        Tier.base("platinum", "lounge", "upgrades", "priority-check-in").withQualifyingPoints(8000))
                .build();
    }

    private static Touchpoint flight(MemberNumber m, int n, Instant at) {
        return Books.of(FLIGHT, "fl-" + m + "-" + n, m, at);
    }

    @Test
    @DisplayName("C12: a flyer earns miles per flight, is upgraded the moment a threshold is reached, then earns the tier bonus")
    void c12MilesPerFlightWithTierMultiplier() {
        Ledger ledger = Books.ledger(airline(true), clock);
        MemberNumber m = enroll(ledger, "SKY-1");
        Instant t = Instant.parse("2026-02-01T18:00:00Z");
        for (int i = 1; i <= 5; i++) {
            ledger.post(new Posting.Earn(m, flight(m, i, t.plus(Duration.ofDays(i))), null));
        }
        Member gold = ledger.members().findById(m).orElseThrow();
        assertEquals("gold", gold.tier());
        assertEquals(List.of("blue", "silver", "gold"), gold.tierHistory().stream().map(TierChange::to).toList());
        assertEquals(TierChange.Reason.QUALIFIED, gold.tierHistory().get(2).reason());
        assertEquals(Set.of("lounge", "priority-check-in"), ledger.benefits(m));
        LedgerEntry.Accrual sixth = (LedgerEntry.Accrual) ledger.post(
                new Posting.Earn(m, flight(m, 6, t.plus(Duration.ofDays(6))), null));
        assertEquals(1500, sixth.points());
        assertEquals(1000, sixth.qualifyingPoints());
        assertEquals(6500, ledger.balance(m));
        assertEquals("2,000 qualifying miles to platinum by 2026-12-31",
                ledger.progress(m, t.plus(Duration.ofDays(7))).describe("miles"));
    }

    @ParameterizedTest(name = "soft landing {0}: gold with no flights in 2027 becomes {1}")
    @CsvSource({"true, silver", "false, blue"})
    @DisplayName("C12: a year-end review lowers an unsupported tier, by one level under soft landing, once")
    void c12YearEndDowngrade(boolean softLanding, String expected) {
        Ledger ledger = Books.ledger(airline(softLanding), clock);
        MemberNumber m = enroll(ledger, "SKY-2");
        for (int i = 1; i <= 5; i++) {
            ledger.post(new Posting.Earn(m, flight(m, i, Instant.parse("2026-03-01T08:00:00Z")
                    .plus(Duration.ofDays(i))), null));
        }
        assertEquals(Optional.empty(), ledger.review(m, Instant.parse("2027-01-01T00:00:00Z")),
                "2026 supports gold");
        assertEquals("gold", ledger.members().findById(m).orElseThrow().tier());
        TierChange down = ledger.review(m, Instant.parse("2028-01-01T06:00:00Z")).orElseThrow();
        assertEquals(new TierChange(Instant.parse("2028-01-01T00:00:00Z"), "gold", expected,
                TierChange.Reason.REVIEWED_DOWN, down.detail()), down);
        assertEquals(Optional.empty(), ledger.review(m, Instant.parse("2028-01-02T00:00:00Z")));
        assertEquals(expected, ledger.members().findById(m).orElseThrow().tier());
    }

    @Test
    @DisplayName("C12: under a rolling period a tier is held twelve months before a review can lower it")
    void c12RollingReview() {
        Program p = airline(true).revise(b -> b.qualification(QualificationPeriod.ROLLING_12_MONTHS));
        Ledger ledger = Books.ledger(p, clock);
        MemberNumber m = enroll(ledger, "SKY-3");
        for (int i = 1; i <= 3; i++) {
            ledger.post(new Posting.Earn(m, flight(m, i, Instant.parse("2026-03-10T08:00:00Z")), null));
        }
        assertEquals("silver", ledger.members().findById(m).orElseThrow().tier());
        assertEquals(Optional.empty(), ledger.review(m, Instant.parse("2027-03-01T00:00:00Z")));
        TierChange down = ledger.review(m, Instant.parse("2027-04-02T00:00:00Z")).orElseThrow();
        assertEquals("blue", down.to());
        assertEquals(Instant.parse("2027-04-01T00:00:00Z"), down.at());
    }

    private static Program departmentStore(ReversalPolicy policy) {
        return Program.builder("store-card", "Store card", USD).reversalPolicy(policy)
                .earningRules(EarningRule.perSpend("base", dec("1")).qualifying(true).build()).build();
    }

    @ParameterizedTest(name = "{0}: balance {1}, forgiven {2}")
    @CsvSource({"PARTIAL_CLAWBACK, 0, 40", "NEGATIVE_BALANCE, -40, 0", "FORFEIT, 20, 60"})
    @DisplayName("C7: a refund takes back what the purchase earned, once; spent points follow the policy")
    void c7RefundClawsBack(ReversalPolicy policy, long balance, long forgiven) {
        Ledger ledger = Books.ledger(departmentStore(policy), clock);
        MemberNumber m = enroll(ledger, "DEPT-1");
        Instant t = Books.JAN_2026;
        ledger.post(new Posting.Earn(m, purchase("coat", m, t, "30.00"), null));
        Touchpoint dress = purchase("dress", m, t.plusSeconds(60), "100.00");
        ledger.post(new Posting.Earn(m, dress, null));
        ledger.post(redeem(m, "voucher", 90, t.plusSeconds(120)));
        ledger.post(new Posting.Earn(m, purchase("scarf", m, t.plusSeconds(180), "20.00"), null));
        Touchpoint refund = refundOf(dress, "refund-1", t.plus(Duration.ofDays(3)));
        LedgerEntry.Reversal r = (LedgerEntry.Reversal) ledger.post(Posting.Reverse.refund(m, refund));
        assertEquals(policy, r.policy());
        assertEquals(forgiven, r.forgiven());
        assertEquals(balance, ledger.balance(m));
        assertEquals(balance, sumOfLots(ledger, m));
        assertSame(r, ledger.post(Posting.Reverse.refund(m, refund)), "the same refund offered again");
        Touchpoint second = refundOf(dress, "refund-2", t.plus(Duration.ofDays(4)));
        assertThrows(RuleViolationException.class, () -> ledger.post(Posting.Reverse.refund(m, second)));
        assertEquals(50, ledger.standing(m).qualification().qualifyingPoints(), "qualifying points taken back");
    }

    @Test
    @DisplayName("C7: under a negative balance, the next purchase first settles the debt")
    void c7DebtSettledByNextPurchase() {
        Ledger ledger = Books.ledger(departmentStore(ReversalPolicy.NEGATIVE_BALANCE), clock);
        MemberNumber m = enroll(ledger, "DEPT-2");
        Touchpoint shoes = purchase("shoes", m, Books.JAN_2026, "80");
        ledger.post(new Posting.Earn(m, shoes, null));
        ledger.post(redeem(m, "voucher", 80, Books.JAN_2026));
        ledger.post(Posting.Reverse.refund(m, refundOf(shoes, "refund-shoes", Books.JAN_2026.plusSeconds(5))));
        assertEquals(-80, ledger.balance(m));
        LedgerEntry next = ledger.post(new Posting.Earn(m, purchase("bag", m, Books.JAN_2026.plusSeconds(9), "100"),
                null));
        assertEquals(List.of(new LotDraw(3, 80)), next.draws());
        assertEquals(20, next.opened());
        assertEquals(20, ledger.balance(m));
        assertEquals(List.of(new Lot(4, Books.JAN_2026.atZone(Books.UTC).toLocalDate(), null, 20)), ledger.lots(m));
    }

    @Test
    @DisplayName("C8: a shopper earns a point per dollar, double on the store brand, and a club bonus when spending over 25 USD a week")
    void c8SupermarketEarning() {
        Program p = Program.builder("club", "Club card", USD)
                .earningRules(EarningRule.perSpend("base", dec("1")).build(),
                        EarningRule.multiplier("store-brand", dec("2")).categories("pain-relief").brands("store")
                                .build(),
                        EarningRule.perTouchpoint("club-bonus", TouchpointKind.PURCHASE, 50)
                                .eligibility(Facts.weeklySpend(Duration.ofDays(28), "USD").atLeast(25)).build())
                .build();
        Ledger ledger = Books.ledger(p, clock);
        MemberNumber m = enroll(ledger, "CLUB-1");
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        Customer shopper = Customer.builder().id(CustomerId.of("c-CLUB-1")).name(Name.person("May", "Chan"))
                .createdAt(Instant.parse("2025-01-01T00:00:00Z")).build();
        List<Touchpoint> history = List.of(
                purchase("w1", m, now.minus(Duration.ofDays(20)), "40"),
                purchase("w2", m, now.minus(Duration.ofDays(10)), "70"));
        Touchpoint basket = Books.basket("b1", m, now,
                LineItem.of("ibuprofen-n", "pain-relief", "national", 1, Money.of("10.00", "USD")),
                LineItem.of("ibuprofen-s", "pain-relief", "store", 2, Money.of("4.00", "USD")));
        Subject subject = Subject.of(shopper, history, now);
        LedgerEntry.Accrual a = (LedgerEntry.Accrual) ledger.post(new Posting.Earn(m, basket, subject));
        assertEquals(List.of(new Award("base", 18, false), new Award("store-brand", 8, false),
                new Award("club-bonus", 50, false)), a.awards());
        Subject light = Subject.of(shopper, List.of(history.get(0)), now);
        LedgerEntry.Accrual b = (LedgerEntry.Accrual) ledger.post(new Posting.Earn(m,
                Books.basket("b2", m, now.plusSeconds(60),
                        LineItem.of("ibuprofen-s", "pain-relief", "store", 1, Money.of("4.00", "USD"))), light));
        assertEquals(List.of(new Award("base", 4, false), new Award("store-brand", 4, false)), b.awards());
    }

    @Test
    @DisplayName("C1: a renter earns per rental, reaches gold after five rentals and skips the counter under the annual agreement")
    void c1CarRentalGold() {
        Program p = Program.builder("gold-club", "Gold club", USD)
                .qualification(QualificationPeriod.ROLLING_12_MONTHS)
                .earningRules(EarningRule.perTouchpoint("rental", RENTAL, 500).qualifying(true).build())
                .tiers(Tier.base("member"), Tier.base("gold", "skip-counter", "name-on-board").withActivities(5))
                .build();
        Ledger ledger = Books.ledger(p, clock);
        MemberNumber m = enroll(ledger, "GC-1001");
        Member linked = ledger.members().findById(m).orElseThrow()
                .withAgreements(List.of(AgreementId.of("rental-agreement-2026")));
        ledger.members().save(linked);
        for (int i = 1; i <= 5; i++) {
            assertEquals(Set.of(), ledger.benefits(m), "before rental " + i);
            ledger.post(new Posting.Earn(m, Books.of(RENTAL, "rental-" + i, m,
                    Books.JAN_2026.plus(Duration.ofDays(7L * i))), null));
        }
        assertEquals(Set.of("skip-counter", "name-on-board"), ledger.benefits(m));
        assertEquals(2500, ledger.balance(m));
        assertEquals(Set.of(AgreementId.of("rental-agreement-2026")),
                ledger.members().findById(m).orElseThrow().agreements());
    }
}
