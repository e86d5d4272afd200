package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.junit.jupiter.api.Test;

/** Points about to expire are told to listeners within the program's notice period, lot by lot, under a stable id. */
class ExpiryNoticeTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void lotsDueWithinTheNoticePeriodAreToldWithTheSameIdEachRun() {
        Program program = Program.builder("store", "Store points", Currency.getInstance("USD"))
                .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build())
                .expiry(ExpiryPolicy.afterEarning(1, ExpiryPolicy.RoundTo.EXACT)).expiryNoticeDays(7).build();
        List<LoyaltyEvent> told = new ArrayList<>();
        MutableClock clock = MutableClock.at(T0);
        Ledger ledger = Ledger.builder(program).clock(clock).listener(told::add).build();
        MemberNumber ann = ledger.enroll(MemberNumber.of("ANN-1"), CustomerId.of("ann")).number();
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("early"), 50, T0, "welcome", Source.system("t")));
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("late"), 30, T0.plus(Duration.ofDays(20)), "bonus",
                Source.system("t")));
        told.clear();

        assertEquals(List.of(), ledger.noticeExpiring(ann, T0.plus(Duration.ofDays(20))), "nothing due in 7 days");
        List<LoyaltyEvent.PointsExpiring> first = ledger.noticeExpiring(ann, T0.plus(Duration.ofDays(28)));
        assertEquals(1, first.size(), first.toString());
        assertEquals(50, first.get(0).points());
        assertEquals(LocalDate.of(2026, 2, 5), first.get(0).expiresOn());
        List<LoyaltyEvent.PointsExpiring> again = ledger.noticeExpiring(ann, T0.plus(Duration.ofDays(29)));
        assertEquals(first.get(0).id(), again.get(0).id(), "a later run tells of the same lot under the same id");
        assertEquals(List.of(first.get(0), again.get(0)), told);

        assertEquals(List.of(), Ledger.builder(program.toBuilder().expiryNoticeDays(0).build()).build()
                .noticeExpiring(ann, T0), "no notice period, no notices");
        assertThrows(RuleViolationException.class, () -> program.toBuilder().expiryNoticeDays(-1).build());
    }
}
