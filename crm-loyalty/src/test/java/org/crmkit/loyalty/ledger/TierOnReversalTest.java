package org.crmkit.loyalty.ledger;

import static org.crmkit.loyalty.ledger.Books.JAN_2026;
import static org.crmkit.loyalty.ledger.Books.USD;
import static org.crmkit.loyalty.ledger.Books.accrue;
import static org.crmkit.loyalty.ledger.Books.enroll;
import static org.crmkit.loyalty.ledger.Books.reverse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.crmkit.core.common.MutableClock;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.QualificationPeriod;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.program.TierOnReversal;
import org.junit.jupiter.api.Test;

/** A reversal of the counts that earned a tier: the program says whether the tier falls at once or at review. */
class TierOnReversalTest {
    private static final Instant MARCH = Instant.parse("2026-03-10T10:00:00Z");
    private static final Instant NEXT_YEAR = Instant.parse("2027-01-02T10:00:00Z");
    private final MutableClock clock = MutableClock.at(JAN_2026);

    private Ledger ledger(TierOnReversal policy) {
        return Books.ledger(Program.builder("store", "Store points", USD)
                .tiers(Tier.base("member"), Tier.base("gold").withQualifyingPoints(1000))
                .qualification(QualificationPeriod.CALENDAR_YEAR).tierOnReversal(policy).build(), clock);
    }

    private static Member earnGoldThenReverseIt(Ledger ledger, MemberNumber m) {
        ledger.post(accrue(m, "stay", 1000, true, JAN_2026));
        assertEquals("gold", ledger.members().findById(m).orElseThrow().tier());
        ledger.post(reverse(m, "refund", "stay", MARCH));
        return ledger.members().findById(m).orElseThrow();
    }

    @Test
    void underImmediateTheTierFallsWithTheReversal() {
        Ledger ledger = ledger(TierOnReversal.IMMEDIATE);
        MemberNumber m = enroll(ledger, "ANN-1");
        Member after = earnGoldThenReverseIt(ledger, m);
        assertEquals("member", after.tier());
        TierChange last = after.tierHistory().get(after.tierHistory().size() - 1);
        assertEquals(TierChange.Reason.REVERSED_DOWN, last.reason());
        assertEquals(MARCH, last.at());
    }

    @Test
    void atReviewTheTierStandsUntilThePeriodIsReviewed() {
        Ledger ledger = ledger(TierOnReversal.AT_REVIEW);
        MemberNumber m = enroll(ledger, "ANN-1");
        assertEquals("gold", earnGoldThenReverseIt(ledger, m).tier());
        clock.set(NEXT_YEAR);
        assertEquals(TierChange.Reason.REVIEWED_DOWN, ledger.review(m, NEXT_YEAR).orElseThrow().reason());
        assertEquals("member", ledger.members().findById(m).orElseThrow().tier());
    }

    @Test
    void aTierSetByAnAgentDoesNotFallWithAReversal() {
        Ledger ledger = ledger(TierOnReversal.IMMEDIATE);
        MemberNumber m = enroll(ledger, "ANN-1");
        ledger.post(accrue(m, "stay", 1000, true, JAN_2026));
        Member gold = ledger.members().findById(m).orElseThrow();
        ledger.members().save(gold.withTierChange(new TierChange(JAN_2026.plusSeconds(60), "gold", "gold",
                TierChange.Reason.MANUAL, "kept gold by the account manager")));
        ledger.post(reverse(m, "refund", "stay", MARCH));
        assertEquals("gold", ledger.members().findById(m).orElseThrow().tier());
    }
}
