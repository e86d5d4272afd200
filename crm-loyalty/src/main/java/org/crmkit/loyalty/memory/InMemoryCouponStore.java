package org.crmkit.loyalty.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.spi.CouponStore;

/** Coupons in memory. Thread-safe: one lock, since issuing reads the counts it changes. */
public final class InMemoryCouponStore implements CouponStore {
    private final Map<String, Coupon> byCode = new LinkedHashMap<>();
    private final Map<MemberNumber, Map<IdempotencyKey, String>> byMember = new HashMap<>();
    private final Map<String, Long> issued = new HashMap<>();
    private final Map<String, Map<MemberNumber, Integer>> perMember = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryCouponStore() {
    }

    @Override
    public synchronized Outcome issue(Coupon coupon, int stock, int limit) {
        Objects.requireNonNull(coupon, "coupon");
        if (coupon.version() != 0) {
            throw new IllegalArgumentException("a new coupon is at version 0: " + coupon.version());
        }
        Map<IdempotencyKey, String> keys = byMember.computeIfAbsent(coupon.member(), m -> new LinkedHashMap<>());
        Map<MemberNumber, Integer> held = perMember.computeIfAbsent(coupon.campaign(), c -> new HashMap<>());
        if (keys.containsKey(coupon.key())) {
            return Outcome.KEY_USED;
        }
        if (byCode.containsKey(coupon.code())) {
            return Outcome.CODE_TAKEN;
        }
        if (issued.getOrDefault(coupon.campaign(), 0L) >= stock) {
            return Outcome.OUT_OF_STOCK;
        }
        if (held.getOrDefault(coupon.member(), 0) >= limit) {
            return Outcome.LIMIT_REACHED;
        }
        byCode.put(coupon.code(), coupon);
        keys.put(coupon.key(), coupon.code());
        issued.merge(coupon.campaign(), 1L, Long::sum);
        held.merge(coupon.member(), 1, Integer::sum);
        return Outcome.ISSUED;
    }

    @Override
    public synchronized void replace(Coupon next) {
        Objects.requireNonNull(next, "next");
        Coupon stored = byCode.get(next.code());
        if (stored == null) {
            throw new NotFoundException("coupon", next.code());
        }
        if (stored.version() != next.version() - 1) {
            throw new VersionConflictException("coupon", next.code(), next.version() - 1, stored.version());
        }
        if (!stored.member().equals(next.member()) || !stored.key().equals(next.key())) {
            Map<IdempotencyKey, String> keys = byMember.computeIfAbsent(next.member(), m -> new LinkedHashMap<>());
            if (keys.containsKey(next.key())) {
                throw new DuplicateException("member " + next.member() + " already holds a coupon under key "
                        + next.key());
            }
            byMember.get(stored.member()).remove(stored.key());
            keys.put(next.key(), next.code());
            Map<MemberNumber, Integer> held = perMember.get(stored.campaign());
            held.merge(stored.member(), -1, Integer::sum);
            held.merge(next.member(), 1, Integer::sum);
        }
        byCode.put(next.code(), next);
    }

    @Override
    public synchronized Optional<Coupon> find(String code) {
        return Optional.ofNullable(byCode.get(Objects.requireNonNull(code, "code")));
    }

    @Override
    public synchronized Optional<Coupon> findByKey(MemberNumber member, IdempotencyKey key) {
        Objects.requireNonNull(key, "key");
        Map<IdempotencyKey, String> keys = byMember.get(Objects.requireNonNull(member, "member"));
        return keys == null ? Optional.empty() : Optional.ofNullable(keys.get(key)).map(byCode::get);
    }

    @Override
    public synchronized List<Coupon> findByMember(MemberNumber member) {
        Map<IdempotencyKey, String> keys = byMember.get(Objects.requireNonNull(member, "member"));
        List<Coupon> out = new ArrayList<>();
        if (keys != null) {
            keys.values().forEach(code -> out.add(byCode.get(code)));
        }
        out.sort(CouponStore.OLDEST_FIRST);
        return out;
    }

    @Override
    public synchronized long issued(String campaign) {
        return issued.getOrDefault(Objects.requireNonNull(campaign, "campaign"), 0L);
    }
}
