package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.reward.Coupon;
import org.crmkit.loyalty.spi.CouponStore;

/**
 * Coupons in {@code crm_coupons}, with each campaign's count in {@code crm_coupon_campaigns}. An issue locks its
 * campaign's row ({@code SELECT ... FOR UPDATE}) for the checks and the insert, so the limits hold across
 * processes; the primary key and the member's key constraint catch a coupon of another campaign racing for the same
 * code or key, and the issue is decided again. Thread-safe.
 */
final class JdbcCouponStore implements CouponStore {
    private static final int ATTEMPTS = 4;
    private final Jdbc jdbc;

    JdbcCouponStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Outcome issue(Coupon coupon, int stock, int perMember) {
        Objects.requireNonNull(coupon, "coupon");
        if (coupon.version() != 0) {
            throw new IllegalArgumentException("a new coupon is at version 0: " + coupon.version());
        }
        String document = jdbc.write(coupon);
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction("issuing a coupon of campaign " + coupon.campaign(),
                        c -> issue(c, coupon, document, stock, perMember));
            } catch (CrmException e) {
                // A campaign's first row inserted by two at once, or a code or key taken by a racing issue of
                // another campaign: the next attempt sees it and decides.
                if (attempt == ATTEMPTS || !(e.getCause() instanceof SQLException s) || !Dialect.isUniqueViolation(s)) {
                    throw e;
                }
            }
        }
    }

    private Outcome issue(Connection c, Coupon coupon, String document, int stock, int perMember)
            throws SQLException {
        List<Long> count = jdbc.query(c, "SELECT issued FROM crm_coupon_campaigns WHERE code = ? FOR UPDATE",
                r -> r.getLong(1), coupon.campaign());
        if (count.isEmpty()) {
            jdbc.update(c, "INSERT INTO crm_coupon_campaigns (code, issued) VALUES (?, 0)", coupon.campaign());
        }
        long issued = count.isEmpty() ? 0 : count.get(0);
        if (!jdbc.query(c, "SELECT 1 FROM crm_coupons WHERE member = ? AND issue_key = ?", r -> 1,
                coupon.member().value(), coupon.key().value()).isEmpty()) {
            return Outcome.KEY_USED;
        }
        if (!jdbc.query(c, "SELECT 1 FROM crm_coupons WHERE code = ?", r -> 1, coupon.code()).isEmpty()) {
            return Outcome.CODE_TAKEN;
        }
        if (issued >= stock) {
            return Outcome.OUT_OF_STOCK;
        }
        long held = jdbc.query(c, "SELECT COUNT(*) FROM crm_coupons WHERE campaign = ? AND member = ?",
                r -> r.getLong(1), coupon.campaign(), coupon.member().value()).get(0);
        if (held >= perMember) {
            return Outcome.LIMIT_REACHED;
        }
        jdbc.update(c, "INSERT INTO crm_coupons (code, version, campaign, member, issue_key, issued_at, document) "
                + "VALUES (?, 0, ?, ?, ?, ?, ?)", coupon.code(), coupon.campaign(), coupon.member().value(),
                coupon.key().value(), nanos(coupon.issuedAt()), document);
        jdbc.update(c, "UPDATE crm_coupon_campaigns SET issued = issued + 1 WHERE code = ?", coupon.campaign());
        return Outcome.ISSUED;
    }

    // Nanoseconds since the epoch, a BIGINT that orders the member's coupons in SQL (good until the year 2262).
    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    @Override
    public void replace(Coupon next) {
        Objects.requireNonNull(next, "next");
        String document = jdbc.write(next);
        try {
            replace(next, document);
        } catch (CrmException e) {
            if (e.getCause() instanceof SQLException s && Dialect.isUniqueViolation(s)) {
                throw new DuplicateException("member " + next.member() + " already holds a coupon under key "
                        + next.key());
            }
            throw e;
        }
    }

    private void replace(Coupon next, String document) {
        jdbc.inTransaction("changing coupon " + next.code(), c -> {
            int changed = jdbc.update(c, "UPDATE crm_coupons SET version = ?, document = ?, member = ?, issue_key = ? "
                    + "WHERE code = ? AND version = ?", next.version(), document, next.member().value(),
                    next.key().value(), next.code(), next.version() - 1);
            if (changed == 0) {
                List<Long> stored = jdbc.query(c, "SELECT version FROM crm_coupons WHERE code = ?", r -> r.getLong(1),
                        next.code());
                if (stored.isEmpty()) {
                    throw new NotFoundException("coupon", next.code());
                }
                throw new VersionConflictException("coupon", next.code(), next.version() - 1, stored.get(0));
            }
            return changed;
        });
    }

    @Override
    public Optional<Coupon> find(String code) {
        Objects.requireNonNull(code, "code");
        return first("finding coupon " + code, "SELECT document FROM crm_coupons WHERE code = ?", code);
    }

    @Override
    public Optional<Coupon> findByKey(MemberNumber member, IdempotencyKey key) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(key, "key");
        return first("finding a coupon of " + member, "SELECT document FROM crm_coupons WHERE member = ? AND "
                + "issue_key = ?", member.value(), key.value());
    }

    private Optional<Coupon> first(String what, String sql, Object... params) {
        return jdbc.readOnly(what, c -> jdbc.query(c, sql, r -> jdbc.read(r.getString(1), Coupon.class), params))
                .stream().findFirst();
    }

    @Override
    public List<Coupon> findByMember(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        return List.copyOf(jdbc.readOnly("reading the coupons of " + member, c -> jdbc.query(c,
                "SELECT document FROM crm_coupons WHERE member = ? ORDER BY issued_at, code",
                r -> jdbc.read(r.getString(1), Coupon.class), member.value())));
    }

    @Override
    public long issued(String campaign) {
        Objects.requireNonNull(campaign, "campaign");
        return jdbc.readOnly("counting the coupons of campaign " + campaign, c -> jdbc.query(c,
                "SELECT issued FROM crm_coupon_campaigns WHERE code = ?", r -> r.getLong(1), campaign))
                .stream().findFirst().orElse(0L);
    }
}
