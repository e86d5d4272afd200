package org.crmkit.kit.loyalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.common.Money;
import org.crmkit.kit.ContractFixtures;
import org.crmkit.kit.Races;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.spi.CouponStore;
import org.crmkit.loyalty.spi.CouponStore.Outcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CouponStore}. An adapter's test extends this class and implements
 * {@link #createStore()}.
 */
public abstract class CouponStoreContract {
    private static final MemberNumber ANN = MemberNumber.of("ANN-001");
    private static final MemberNumber BOB = MemberNumber.of("BOB-002");
    private static final Instant T = ContractFixtures.EPOCH;

    /** The store under test, fresh for each test. */
    protected CouponStore store;

    /** {@return a new, empty store; called before each test} */
    protected abstract CouponStore createStore();

    /** For adapters' tests. */
    protected CouponStoreContract() {
    }

    /**
     * Makes the store fail from now on, as a lost connection would. The default aborts that test, for stores that
     * cannot fail.
     */
    protected void breakStore() {
        Assumptions.abort("the adapter's test offers no way to make its store fail (override breakStore)");
    }

    @BeforeEach
    final void createFreshStore() {
        store = createStore();
    }

    /**
     * A coupon issued at version 0, every field set.
     *
     * @param code its code
     * @param campaign its campaign
     * @param member its holder
     * @param key its issue key
     * @param issuedAt when issued
     * @return the coupon
     */
    public static Coupon coupon(String code, String campaign, MemberNumber member, String key, Instant issuedAt) {
        return new Coupon(code, campaign, member, IdempotencyKey.of(key), Money.of("12.50", "USD"), 100, issuedAt,
                issuedAt, issuedAt.plus(Duration.ofDays(14)), Coupon.Status.ISSUED, null, null, 0);
    }

    @Test
    @DisplayName("an issued coupon is found by code, by member and key, and among the member's, as it was issued")
    void issuedCouponsAreFound() {
        Coupon c = coupon("AAAAA-00001", "pet-food", ANN, "list:2026-01-05:pet-food", T);
        assertEquals(Outcome.ISSUED, store.issue(c, 10, 2));
        assertEquals(Optional.of(c), store.find("AAAAA-00001"));
        assertEquals(Optional.of(c), store.findByKey(ANN, IdempotencyKey.of("list:2026-01-05:pet-food")));
        assertEquals(Optional.empty(), store.findByKey(BOB, IdempotencyKey.of("list:2026-01-05:pet-food")));
        assertEquals(List.of(c), store.findByMember(ANN));
        assertEquals(List.of(), store.findByMember(BOB));
        assertEquals(1, store.issued("pet-food"));
        assertEquals(0, store.issued("cinema"));
        assertEquals(Optional.empty(), store.find("ZZZZZ-99999"));
    }

    @Test
    @DisplayName("a used key, a taken code, an exhausted stock and a reached limit are refused in that order, "
            + "storing nothing")
    void refusalsStoreNothing() {
        store.issue(coupon("AAAAA-00001", "pet-food", ANN, "k1", T), 2, 1);
        assertEquals(Outcome.KEY_USED, store.issue(coupon("AAAAA-00002", "cinema", ANN, "k1", T), 9, 9));
        assertEquals(Outcome.CODE_TAKEN, store.issue(coupon("AAAAA-00001", "cinema", BOB, "k1", T), 9, 9));
        assertEquals(Outcome.LIMIT_REACHED, store.issue(coupon("AAAAA-00003", "pet-food", ANN, "k2", T), 2, 1));
        assertEquals(Outcome.ISSUED, store.issue(coupon("AAAAA-00004", "pet-food", BOB, "k1", T), 2, 1));
        assertEquals(Outcome.OUT_OF_STOCK, store.issue(coupon("AAAAA-00005", "pet-food", BOB, "k2", T), 2, 5));
        assertEquals(2, store.issued("pet-food"));
        assertEquals(0, store.issued("cinema"));
        assertEquals(1, store.findByMember(ANN).size());
        assertEquals(Optional.empty(), store.find("AAAAA-00003"));
    }

    @Test
    @DisplayName("a replaced coupon is read back in its new state; a stale or unknown one is refused")
    void replaceComparesVersions() {
        Coupon c = coupon("AAAAA-00001", "pet-food", ANN, "k1", T);
        store.issue(c, 10, 10);
        Coupon redeemed = c.redeemed(T.plusSeconds(60), "sale-1");
        store.replace(redeemed);
        assertEquals(Optional.of(redeemed), store.find(c.code()));
        assertEquals(Optional.of(redeemed), store.findByKey(ANN, IdempotencyKey.of("k1")));
        assertThrows(VersionConflictException.class, () -> store.replace(c.voided()));
        Coupon back = redeemed.unredeemed();
        store.replace(back);
        assertEquals(List.of(back), store.findByMember(ANN));
        assertThrows(NotFoundException.class, () -> store.replace(coupon("BBBBB-00001", "pet-food", ANN, "k9", T)
                .voided()));
        assertEquals(1, store.issued("pet-food"), "a change of state issues nothing");
    }

    @Test
    @DisplayName("a coupon moved to another holder is found under its new holder and key only; a key the holder uses "
            + "is refused")
    void aCouponChangesHolder() {
        Coupon anns = coupon("AAAAA-00001", "pet-food", ANN, "list", T);
        Coupon bobs = coupon("AAAAA-00002", "pet-food", BOB, "list", T);
        store.issue(anns, 10, 2);
        store.issue(bobs, 10, 2);
        assertThrows(DuplicateException.class, () -> store.replace(bobs.heldBy(ANN, IdempotencyKey.of("list"))));
        assertEquals(List.of(bobs), store.findByMember(BOB), "a refused move changes nothing");
        Coupon moved = bobs.heldBy(ANN, IdempotencyKey.of("merged:AAAAA-00002"));
        store.replace(moved);
        assertEquals(List.of(anns, moved), store.findByMember(ANN));
        assertEquals(List.of(), store.findByMember(BOB));
        assertEquals(Optional.empty(), store.findByKey(BOB, IdempotencyKey.of("list")));
        assertEquals(Optional.of(moved), store.findByKey(ANN, IdempotencyKey.of("merged:AAAAA-00002")));
        assertEquals(Outcome.LIMIT_REACHED, store.issue(coupon("AAAAA-00003", "pet-food", ANN, "k3", T), 10, 2),
                "a moved coupon counts against its new holder's limit");
        assertEquals(Outcome.ISSUED, store.issue(coupon("AAAAA-00004", "pet-food", BOB, "list", T), 10, 2),
                "and its old key and place are free");
    }

    @Test
    @DisplayName("a cancelled or redeemed coupon still counts against the stock and the member's limit")
    void everyIssuedCouponCounts() {
        Coupon first = coupon("AAAAA-00001", "pet-food", ANN, "k1", T);
        store.issue(first, 2, 1);
        store.replace(first.voided());
        Coupon second = coupon("AAAAA-00002", "pet-food", BOB, "k1", T);
        store.issue(second, 2, 1);
        store.replace(second.redeemed(T, "sale-1"));
        assertEquals(Outcome.LIMIT_REACHED, store.issue(coupon("AAAAA-00003", "pet-food", ANN, "k2", T), 3, 1));
        assertEquals(Outcome.OUT_OF_STOCK, store.issue(coupon("AAAAA-00004", "pet-food", ANN, "k3", T), 2, 5));
        assertEquals(2, store.issued("pet-food"));
    }

    @Test
    @DisplayName("a member's coupons come oldest first, those issued at one instant by code")
    void membersCouponsOldestFirst() {
        store.issue(coupon("CCCCC-00003", "pet-food", ANN, "k1", T.plusSeconds(5)), 10, 10);
        store.issue(coupon("CCCCC-00002", "pet-food", ANN, "k2", T), 10, 10);
        store.issue(coupon("CCCCC-00001", "cinema", ANN, "k3", T), 10, 10);
        store.issue(coupon("CCCCC-00000", "cinema", ANN, "k4", T.plusNanos(1)), 10, 10);
        assertEquals(List.of("CCCCC-00001", "CCCCC-00002", "CCCCC-00000", "CCCCC-00003"),
                store.findByMember(ANN).stream().map(Coupon::code).toList());
    }

    @Test
    @DisplayName("of racing issues no more are stored than the stock, nor more to a member than the limit")
    void racingIssuesKeepTheLimits() throws Exception {
        int won = Races.winners(8, w -> {
            int got = 0;
            for (int i = 0; i < 6; i++) {
                MemberNumber m = MemberNumber.of("M-" + (w % 4));
                Coupon c = coupon(String.format("R%04d-%05d", w, i), "scarce", m, "w" + w + "-" + i, T);
                got += store.issue(c, 10, 3) == Outcome.ISSUED ? 1 : 0;
            }
            return got > 0;
        });
        assertEquals(10, store.issued("scarce"));
        int held = 0;
        for (int m = 0; m < 4; m++) {
            int n = store.findByMember(MemberNumber.of("M-" + m)).size();
            if (n > 3) {
                fail("member M-" + m + " holds " + n + " coupons, over the limit of 3");
            }
            held += n;
        }
        assertEquals(10, held);
        assertEquals(true, won >= 4, "at least four writers issued: " + won);
    }

    @Test
    @DisplayName("of racing issues under one member's key exactly one stores a coupon")
    void racingIssuesUnderOneKey() throws Exception {
        int won = Races.winners(6, w -> store.issue(coupon(String.format("K%04d-00000", w), "pet-food", ANN, "same",
                T), 100, 100) == Outcome.ISSUED);
        assertEquals(1, won);
        assertEquals(1, store.issued("pet-food"));
    }

    @Test
    @DisplayName("a store failure reaches every caller as a CrmException")
    void storeFailuresAreCrmExceptions() {
        Coupon c = coupon("AAAAA-00001", "pet-food", ANN, "k1", T);
        store.issue(c, 10, 10);
        breakStore();
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("issue", () -> store.issue(coupon("AAAAA-00002", "pet-food", ANN, "k2", T), 10, 10));
        ops.put("replace", () -> store.replace(c.voided()));
        ops.put("find", () -> store.find(c.code()));
        ops.put("findByKey", () -> store.findByKey(ANN, IdempotencyKey.of("k1")));
        ops.put("findByMember", () -> store.findByMember(ANN));
        ops.put("issued", () -> store.issued("pet-food"));
        for (Map.Entry<String, Runnable> op : ops.entrySet()) {
            try {
                op.getValue().run();
                fail(op.getKey() + " on a failed store returned normally");
            } catch (CrmException expected) {
                // what the SPI promises
            }
        }
    }
}
