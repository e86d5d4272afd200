package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.accrue;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.junit.jupiter.api.Test;

/** The ledger's arithmetic at its edges: no wrap-around, no needless expiry, no spending of expired points. */
class LedgerArithmeticTest {
    private static final Instant JUN_2026 = Instant.parse("2026-06-05T10:00:00Z");
    private static final Instant FEB_2027 = Instant.parse("2027-02-10T10:00:00Z");
    private final MutableClock clock = MutableClock.at(JAN_2026);
    private final Program program = Program.builder("store", "Store points", USD)
            .expiry(ExpiryPolicy.afterEarning(12, ExpiryPolicy.RoundTo.EXACT)).tiers(Tier.base("member")).build();
    private final Ledger ledger = Books.ledger(program, clock);
    private final MemberNumber ann = enroll(ledger, "ANN-1");

    @Test
    void aCreditThatWouldWrapTheBalanceIsRefusedAndNothingIsStored() {
        ledger.post(accrue(ann, "huge", Long.MAX_VALUE, false, JAN_2026));
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> ledger.post(accrue(ann, "one-more", 1, false, JAN_2026)));
        assertTrue(e.getMessage().contains("balance of ANN-1"), e.getMessage());
        assertEquals(Long.MAX_VALUE, ledger.balance(ann));
        assertEquals(1, ledger.entries(ann).size());
    }

    @Test
    void aRedemptionSpendsTheSoonestExpiringPointsFirstSoABackdatedAccrualLosesNothing() {
        clock.set(JUN_2026);
        LedgerEntry june = ledger.post(accrue(ann, "june", 100, false, JUN_2026));
        LedgerEntry backdated = ledger.post(accrue(ann, "january", 100, false, JAN_2026));
        LedgerEntry spent = ledger.post(redeem(ann, "spend", 100, JUN_2026));
        assertEquals(List.of(new LotDraw(backdated.sequence(), -100)), spent.draws(),
                "the lot expiring in January 2027 goes first, not the older lot id");
        assertEquals(june.sequence(), ledger.lots(ann).get(0).id());
        clock.set(FEB_2027);
        assertTrue(ledger.expire(ann, FEB_2027).isEmpty(), "nothing was left to expire needlessly");
        assertEquals(100, ledger.balance(ann));
    }

    @Test
    void pointsPastTheirExpiryCannotBeSpentBeforeTheSweepRuns() {
        ledger.post(accrue(ann, "january", 100, false, JAN_2026));
        clock.set(FEB_2027);
        assertEquals(100, ledger.balance(ann), "no sweep has run yet");
        assertThrows(RuleViolationException.class, () -> ledger.post(redeem(ann, "late", 50, FEB_2027)));
        assertEquals(0, ledger.balance(ann));
        assertTrue(ledger.entries(ann).stream().anyMatch(LedgerEntry.Expiry.class::isInstance));
    }
}
