package org.crmkit.loyalty.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.CrmException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.spi.CouponStore;

/**
 * Random sequences of accruals, coupon issues, voucher purchases, redemptions, reversed redemptions, cancellations
 * and repeats of each over three members and two campaigns, against a model of what each member holds under each
 * key, each campaign's stock and each member's points.
 */
class CouponProperties {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final int MEMBERS = 3;
    private static final int KEYS = 4;
    private static final int REFS = 3;
    static final Campaign COUPON = Campaign.builder("pet-food").description("2 USD off pet food")
            .value(Money.of("2.00", "USD")).maxValue(Money.of("4.00", "USD"))
            .validity(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(20))).stock(5).perMember(2)
            .funder("PetCo").build();
    static final Campaign VOUCHER = Campaign.builder("cinema").description("a cinema ticket")
            .value(Money.of("12.00", "USD")).pointsCost(100)
            .validity(T0, T0.plus(Duration.ofDays(30))).stock(4).perMember(3).build();

    /**
     * One step: 0 accrue, 1 issue, 2 buy, 3-4 redeem, 5 reverse a redemption, 6 cancel, 7 let days pass.
     * {@code who} picks a member, {@code key} a key or a coupon, {@code ref} a sale.
     */
    record Step(int action, int who, int key, int ref, int days) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0,
                MEMBERS - 1), Arbitraries.integers().between(0, KEYS - 1), Arbitraries.integers().between(0,
                REFS - 1), Arbitraries.integers().between(0, 9)).as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    /** The model's coupon: which campaign, whose, what state, against which sale. */
    static final class Held {
        final Campaign campaign;
        final MemberNumber member;
        final String code;
        final long paid;
        Coupon.Status status = Coupon.Status.ISSUED;
        String reference;

        Held(Campaign campaign, MemberNumber member, String code, long paid) {
            this.campaign = campaign;
            this.paid = paid;
            this.member = member;
            this.code = code;
        }
    }

    @Property(tries = 300)
    void couponsAgreeWithTheModel(@ForAll("steps") List<Step> steps) {
        MutableClock clock = MutableClock.at(T0);
        Program program = Program.builder("club", "Club card", Currency.getInstance("USD")).tiers(Tier.base("member"))
                .build();
        Ledger ledger = Ledger.builder(program).clock(clock).build();
        Rewards rewards = Rewards.builder(ledger).clock(clock).campaign(COUPON).campaign(VOUCHER).build();
        List<MemberNumber> members = new ArrayList<>();
        Map<MemberNumber, Long> points = new HashMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            MemberNumber m = ledger.enroll(MemberNumber.of("M-" + i), CustomerId.of("c-" + i)).number();
            members.add(m);
            points.put(m, 0L);
        }
        Map<String, Held> byKey = new HashMap<>();              // member + key -> coupon
        List<Held> issued = new ArrayList<>();
        int n = 0;
        for (Step step : steps) {
            MemberNumber m = members.get(step.who());
            Instant now = clock.instant();
            Campaign campaign = step.key() % 2 == 0 ? COUPON : VOUCHER;
            String slot = m + "/" + step.key();
            IdempotencyKey key = IdempotencyKey.of("k" + step.key());
            Held target = issued.isEmpty() ? null : issued.get((step.key() * 7 + step.ref()) % issued.size());
            String ref = "sale-" + step.ref();
            switch (step.action()) {
                case 0 -> {
                    ledger.post(new Posting.Accrue(m, IdempotencyKey.of("a" + n++), 60, false, now, "shopping",
                            Source.system("test")));
                    points.merge(m, 60L, Long::sum);
                }
                case 1, 2 -> {
                    boolean buy = step.action() == 2;
                    Campaign c = buy ? VOUCHER : campaign;
                    Held held = byKey.get(slot);
                    String refusal = null;
                    if (held != null) {
                        refusal = held.campaign == c ? null : "another campaign's key";
                    } else if (!now.isBefore(c.validUntil())) {
                        refusal = "ended";
                    } else if (issued.stream().filter(h -> h.campaign == c).count() >= c.stock()) {
                        refusal = "out of stock";
                    } else if (issued.stream().filter(h -> h.campaign == c && h.member.equals(m)).count()
                            >= c.perMember()) {
                        refusal = "limit";
                    } else if (buy && points.get(m) < c.pointsCost()) {
                        refusal = "points";
                    }
                    if (refusal != null) {
                        assertThrows(CrmException.class, () -> act(rewards, buy, c, m, key), refusal + " " + step);
                        continue;
                    }
                    Coupon got = act(rewards, buy, c, m, key);
                    if (held != null) {
                        assertEquals(held.code, got.code(), "a repeat returns the coupon issued under the key");
                    } else {
                        Held h = new Held(c, m, got.code(), buy ? c.pointsCost() : 0);
                        byKey.put(slot, h);
                        issued.add(h);
                        points.merge(m, -h.paid, Long::sum);
                    }
                }
                case 3, 4 -> {
                    if (target == null) {
                        continue;
                    }
                    boolean again = target.status == Coupon.Status.REDEEMED && ref.equals(target.reference);
                    boolean ok = again || target.status == Coupon.Status.ISSUED && target.member.equals(m)
                            && target.campaign.isValidAt(now);
                    if (!ok || !target.member.equals(m)) {
                        assertThrows(RuleViolationException.class, () -> rewards.redeem(target.code, m, ref));
                        continue;
                    }
                    rewards.redeem(target.code, m, ref);
                    target.status = Coupon.Status.REDEEMED;
                    target.reference = ref;
                }
                case 5 -> {
                    if (target == null) {
                        continue;
                    }
                    if (target.status == Coupon.Status.VOID || target.status == Coupon.Status.REDEEMED
                            && !ref.equals(target.reference)) {
                        assertThrows(RuleViolationException.class, () -> rewards.reverseRedemption(target.code, ref));
                        continue;
                    }
                    rewards.reverseRedemption(target.code, ref);
                    target.status = Coupon.Status.ISSUED;
                    target.reference = null;
                }
                case 6 -> {
                    if (target == null) {
                        continue;
                    }
                    if (target.status == Coupon.Status.REDEEMED) {
                        assertThrows(RuleViolationException.class, () -> rewards.cancel(target.code, "changed mind"));
                        continue;
                    }
                    rewards.cancel(target.code, "changed mind");
                    if (target.status == Coupon.Status.ISSUED) {
                        points.merge(target.member, target.paid, Long::sum);
                    }
                    target.status = Coupon.Status.VOID;
                }
                default -> clock.advance(Duration.ofDays(step.days()));
            }
            check(ledger, rewards, members, points, issued);
        }
    }

    private static Coupon act(Rewards rewards, boolean buy, Campaign c, MemberNumber m, IdempotencyKey key) {
        return buy ? rewards.buy(c.code(), m, key) : rewards.issue(c.code(), m, key);
    }

    private static void check(Ledger ledger, Rewards rewards, List<MemberNumber> members,
                              Map<MemberNumber, Long> points, List<Held> issued) {
        for (MemberNumber m : members) {
            assertEquals(points.get(m), ledger.balance(m), m + "'s points");
            List<Coupon> held = rewards.coupons(m);
            assertEquals(issued.stream().filter(h -> h.member.equals(m)).map(h -> h.code).collect(Collectors.toSet()),
                    held.stream().map(Coupon::code).collect(Collectors.toSet()), m + "'s coupons");
            assertEquals(held.stream().sorted(CouponStore.OLDEST_FIRST).toList(), held, "oldest first");
            for (Coupon c : held) {
                Held h = issued.stream().filter(x -> x.code.equals(c.code())).findFirst().orElseThrow();
                assertEquals(h.status, c.status(), c.code() + "'s status");
                assertEquals(h.reference, c.reference(), c.code() + "'s reference");
                assertEquals(h.paid, c.pointsCost(), c.code() + "'s price");
            }
        }
        for (Campaign c : List.of(COUPON, VOUCHER)) {
            long count = issued.stream().filter(h -> h.campaign == c).count();
            assertEquals(count, rewards.issued(c.code()), c.code() + " issued");
            assertTrue(count <= c.stock(), "within stock");
        }
    }
}
