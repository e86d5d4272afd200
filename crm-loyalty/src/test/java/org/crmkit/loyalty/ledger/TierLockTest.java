package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.junit.jupiter.api.Test;

/** An agent sets a tier by hand and locks it; automatic changes leave it alone until the lock is released. */
class TierLockTest {
    private static final Instant T0 = Instant.parse("2026-02-02T10:00:00Z");
    private static final Program PROGRAM = Program.builder("air", "Air miles", Currency.getInstance("USD"))
            .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).qualifying(true).build())
            .tiers(Tier.base("blue"), Tier.base("silver").withQualifyingPoints(100),
                    Tier.base("gold").withQualifyingPoints(1_000)).build();

    @Test
    void aLockedTierSurvivesQualifyingAndReviewsUntilReleased() {
        MutableClock clock = MutableClock.at(T0);
        List<LoyaltyEvent> told = new ArrayList<>();
        Ledger ledger = Ledger.builder(PROGRAM).clock(clock).listener(told::add).build();
        MemberNumber ann = ledger.enroll(MemberNumber.of("ANN-1"), CustomerId.of("ann")).number();
        StaffId agent = StaffId.of("agent-7");

        Member gold = ledger.assignTier(ann, "gold", "retention offer", agent, true);
        assertEquals("gold", gold.tier());
        TierChange manual = gold.tierHistory().get(1);
        assertEquals(TierChange.Reason.MANUAL, manual.reason());
        assertEquals("retention offer (by agent-7)", manual.detail());
        assertEquals(Optional.of(agent), gold.tierLock().map(l -> l.by()));
        assertTrue(told.get(told.size() - 1) instanceof LoyaltyEvent.TierChanged t && t.change().equals(manual));

        // 150 qualifying points imply silver: a lower tier than the one held, and no upgrade either.
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("a"), 150, T0, "bonus", Source.agent("agent-7")));
        assertEquals("gold", ledger.members().findById(ann).orElseThrow().tier());
        // The year's review with 150 points would lower gold; the lock holds it.
        Instant nextYear = Instant.parse("2027-01-05T00:00:00Z");
        assertEquals(Optional.empty(), ledger.review(ann, nextYear));
        assertEquals("gold", ledger.members().findById(ann).orElseThrow().tier());

        Member released = ledger.releaseTierLock(ann);
        assertEquals(Optional.empty(), released.tierLock());
        assertEquals("gold", released.tier(), "releasing changes no tier by itself");
        TierChange down = ledger.review(ann, nextYear).orElseThrow();
        assertEquals(TierChange.Reason.REVIEWED_DOWN, down.reason());
    }

    @Test
    void aLockedMemberReadsBackFromJson_andAnUnknownTierIsRefused() {
        Ledger ledger = Ledger.builder(PROGRAM).clock(MutableClock.at(T0)).build();
        MemberNumber ann = ledger.enroll(MemberNumber.of("ANN-1"), CustomerId.of("ann")).number();
        Member locked = ledger.assignTier(ann, "silver", "service recovery", StaffId.of("agent-2"), true);
        assertEquals(locked, CrmJson.read(CrmJson.write(locked), Member.class));
        assertTrue(CrmJson.write(locked).contains("\"tierLock\""), CrmJson.write(locked));

        Member unlocked = ledger.assignTier(ann, "blue", "correction", StaffId.of("agent-2"), false);
        assertEquals(Optional.empty(), unlocked.tierLock(), "assigning without a lock releases the old one");
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> ledger.assignTier(ann, "platinum", "typo", StaffId.of("agent-2"), true));
        assertTrue(e.getMessage().contains("tier must be one of [blue, silver, gold]: platinum"), e.getMessage());
    }
}
