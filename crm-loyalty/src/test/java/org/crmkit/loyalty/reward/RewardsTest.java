package org.crmkit.loyalty.reward;

import static org.crmkit.loyalty.reward.CouponProperties.COUPON;
import static org.crmkit.loyalty.reward.CouponProperties.T0;
import static org.crmkit.loyalty.reward.CouponProperties.VOUCHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.crmkit.core.CrmException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.ledger.IdempotencyConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.memory.InMemoryCouponStore;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;

class RewardsTest {
    private final MutableClock clock = MutableClock.at(T0.plus(Duration.ofDays(2)));
    private Ledger ledger;
    private MemberNumber ann;
    private MemberNumber bob;

    @BeforeEach
    void setUp() {
        Program program = Program.builder("club", "Club card", Currency.getInstance("USD")).tiers(Tier.base("member"))
                .build();
        ledger = Ledger.builder(program).clock(clock).build();
        ann = ledger.enroll(MemberNumber.of("ANN-1"), CustomerId.of("ann")).number();
        bob = ledger.enroll(MemberNumber.of("BOB-1"), CustomerId.of("bob")).number();
        ledger.post(new Posting.Accrue(ann, IdempotencyKey.of("welcome"), 250, false, clock.instant(), "welcome",
                Source.system("test")));
    }

    private Rewards rewards() {
        return Rewards.builder(ledger).clock(clock).campaign(COUPON).campaign(VOUCHER).build();
    }

    @Test
    void aPurchaseCutOffBetweenTheDebitAndTheIssueCompletesWithoutASecondDebit() {
        AtomicBoolean fail = new AtomicBoolean(true);
        InMemoryCouponStore inner = new InMemoryCouponStore();
        CouponStoreProxy flaky = new CouponStoreProxy(inner, fail);
        Rewards rewards = Rewards.builder(ledger).clock(clock).campaign(VOUCHER).store(flaky).build();
        assertThrows(CrmException.class, () -> rewards.buy("cinema", ann, IdempotencyKey.of("buy-1")));
        assertEquals(150, ledger.balance(ann), "debited, voucher not yet issued");
        fail.set(false);
        Coupon voucher = rewards.buy("cinema", ann, IdempotencyKey.of("buy-1"));
        assertEquals(150, ledger.balance(ann), "one debit");
        assertEquals(100, voucher.pointsCost());
        assertEquals(voucher, rewards.buy("cinema", ann, IdempotencyKey.of("buy-1")));
        rewards.cancel(voucher.code(), "changed her mind");
        rewards.cancel(voucher.code(), "changed her mind");
        assertEquals(250, ledger.balance(ann), "points given back once");
    }

    @Test
    void aPurchaseCutOffBeforeTheCampaignEndedGivesThePointsBackWhenRepeatedAfter() {
        AtomicBoolean fail = new AtomicBoolean(true);
        Rewards rewards = Rewards.builder(ledger).clock(clock).campaign(VOUCHER)
                .store(new CouponStoreProxy(new InMemoryCouponStore(), fail)).build();
        assertThrows(CrmException.class, () -> rewards.buy("cinema", ann, IdempotencyKey.of("buy-1")));
        assertEquals(150, ledger.balance(ann));
        fail.set(false);
        clock.advance(Duration.ofDays(40));
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.buy("cinema", ann,
                IdempotencyKey.of("buy-1"))).getMessage().contains("ended"));
        assertEquals(250, ledger.balance(ann), "the points are given back");
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.buy("cinema", ann,
                IdempotencyKey.of("buy-1"))).getMessage().contains("given back"));
        assertEquals(250, ledger.balance(ann), "once");
        assertEquals(List.of(), rewards.coupons(ann));
    }

    @Test
    void refusalsNameWhatIsWrong() {
        Rewards rewards = rewards();
        RuleViolationException points = assertThrows(RuleViolationException.class,
                () -> rewards.buy("cinema", bob, IdempotencyKey.of("b")));
        assertTrue(points.getMessage().contains("balance"), points.getMessage());
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.buy("pet-food", ann,
                IdempotencyKey.of("p"))).getMessage().contains("sells no vouchers"));
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.issue("pet-food", ann,
                IdempotencyKey.of("p"), Money.of("4.01", "USD"))).getMessage().contains("4.01"));
        assertThrows(NotFoundException.class, () -> rewards.issue("pet-food", MemberNumber.of("NOBODY"),
                IdempotencyKey.of("p")));
        assertThrows(NotFoundException.class, () -> rewards.issue("unknown", ann, IdempotencyKey.of("p")));
        Coupon c = rewards.issue("pet-food", ann, IdempotencyKey.of("p"));
        assertThrows(IdempotencyConflictException.class, () -> rewards.issue("cinema", ann, IdempotencyKey.of("p")));
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.redeem(c.code(), bob, "sale-1"))
                .getMessage().contains("not member BOB-1's"));
        rewards.redeem(c.code(), ann, "sale-1");
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.redeem(c.code(), ann, "sale-2"))
                .getMessage().contains("redeemed against 'sale-1'"));
        clock.advance(Duration.ofDays(30));
        assertTrue(assertThrows(RuleViolationException.class, () -> rewards.issue("pet-food", bob,
                IdempotencyKey.of("late"))).getMessage().contains("ended"));
    }

    @Test
    void campaignsAreCheckedAtConstruction() {
        var b = Campaign.builder("x").description("d").value(Money.of("5.00", "USD")).validity(T0, T0.plusSeconds(1));
        assertTrue(assertThrows(RuleViolationException.class, () -> b.maxValue(Money.of("4.00", "USD")).build())
                .getMessage().contains("maxValue"));
        assertTrue(assertThrows(RuleViolationException.class, () -> b.maxValue(null).stock(0).build())
                .getMessage().contains("campaign x stock must be within 1-10000000: 0"));
        assertTrue(assertThrows(RuleViolationException.class, () -> b.stock(1).validity(T0, T0).build())
                .getMessage().contains("validUntil"));
        assertTrue(assertThrows(RuleViolationException.class, () -> Campaign.builder("Bad Code").description("d")
                .value(Money.of("5.00", "USD")).validity(T0, T0.plusSeconds(1)).build()).getMessage()
                .contains("campaign code must be a lower-case code"));
        assertTrue(assertThrows(NullPointerException.class, () -> Campaign.builder("x").build()).getMessage()
                .contains("campaign x value"));
    }

    @Test
    void codesAreDistinctReadableAndNeverCardNumbers() {
        CouponCodes codes = new CouponCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = codes.get();
            assertEquals(code, CouponCodes.check(code));
            assertFalse(CardNumbers.containsCardNumber(code), code);
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), code);
            assertTrue(seen.add(code), "drawn twice: " + code);
        }
        assertThrows(RuleViolationException.class, () -> CouponCodes.check("4111-1111-1111-1111"));
        assertFalse(assertThrows(RuleViolationException.class, () -> CouponCodes.check("4111 1111 1111 1111"))
                .getMessage().contains("4111 1111 1111 1111"), "a card number is never echoed");
        assertThrows(RuleViolationException.class, () -> CouponCodes.check("AB--CD"));
        assertThrows(RuleViolationException.class, () -> CouponCodes.check("-ABCD"));
        assertThrows(RuleViolationException.class, () -> CouponCodes.check("abcd"));
    }

    @Test
    void concurrentIssuesNeverExceedTheStock() throws Exception {
        Campaign scarce = Campaign.builder("scarce").description("a free coffee").value(Money.of("3.00", "USD"))
                .validity(T0, T0.plus(Duration.ofDays(10))).stock(100).perMember(3).build();
        List<MemberNumber> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            members.add(ledger.enroll(MemberNumber.of("M-" + i), CustomerId.of("m-" + i)).number());
        }
        Rewards rewards = Rewards.builder(ledger).clock(clock).campaign(scarce).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                int got = 0;
                for (int i = 0; i < 50; i++) {
                    for (int k = 0; k < 4; k++) {
                        try {
                            rewards.issue("scarce", members.get((i + thread) % 50), IdempotencyKey.of("k" + k));
                            got++;
                        } catch (CrmException refused) {
                            // out of stock or over the member's limit
                        }
                    }
                }
                return got;
            }));
        }
        for (Future<Integer> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(100, rewards.issued("scarce"));
        long held = members.stream().mapToLong(m -> rewards.coupons(m).size()).sum();
        assertEquals(100, held);
        members.forEach(m -> assertTrue(rewards.coupons(m).size() <= 3, m + " over the limit"));
    }
}
