package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.dec;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.purchase;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.crmkit.loyalty.ledger.Books.refundOf;
import static org.crmkit.loyalty.ledger.Books.sumOfLots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.MutableClock;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loyalty behaviours of case C7; C1, C8 and C12 run their fixture programs in crm-fixtures' tests. */
class LoyaltyCasesTest {
    private final MutableClock clock = MutableClock.at(Books.JAN_2026);

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
        assertEquals(r, ledger.post(Posting.Reverse.refund(m, refund)), "the same refund offered again");
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

}
