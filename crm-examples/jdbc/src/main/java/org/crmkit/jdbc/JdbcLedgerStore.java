package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;

/**
 * Ledger entries in {@code crm_ledger_entries}, keyed by member and sequence, with each idempotency key unique
 * per member. The primary key makes "next sequence only" hold across processes: of two racing appends of the
 * same sequence, the database keeps one. Thread-safe.
 */
final class JdbcLedgerStore implements LedgerStore {
    private static final String BY_KEY = "SELECT document FROM crm_ledger_entries WHERE member = ? AND "
            + "idempotency_key = ?";
    /** Inserts an entry only as its member's next sequence. */
    private static final String APPEND = "INSERT INTO crm_ledger_entries (member, sequence, idempotency_key, "
            + "document) SELECT ?, ?, ?, ? WHERE (SELECT COALESCE(MAX(sequence), 0) FROM crm_ledger_entries "
            + "WHERE member = ?) = ?";
    private final Jdbc jdbc;

    JdbcLedgerStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        MemberNumber member = entry.member();
        String document = jdbc.write(entry);
        try {
            // One statement, inserting only as the next sequence; the key's uniqueness is the constraint's to
            // keep. A posting pays one round trip here instead of three.
            jdbc.oneStatement("appending to the ledger of " + member, c -> {
                int inserted = jdbc.update(c, APPEND, member.value(), entry.sequence(),
                        entry.key().value(), document, member.value(), entry.sequence() - 1);
                if (inserted == 0) {
                    throw new VersionConflictException("ledger", member, entry.sequence() - 1, last(c, member));
                }
                return inserted;
            });
        } catch (CrmException e) {
            if (!(e.getCause() instanceof SQLException s) || !Dialect.isUniqueViolation(s)) {
                throw e;
            }
            // Another writer committed between our check and our insert: say which rule it broke.
            long last = lastSequence(member);
            if (last >= entry.sequence()) {
                throw new VersionConflictException("ledger", member, entry.sequence() - 1, last);
            }
            throw duplicate(entry, findByKey(member, entry.key()).map(LedgerEntry::sequence).orElse(0L));
        }
    }

    private static DuplicateException duplicate(LedgerEntry entry, long holder) {
        return new DuplicateException("ledger of " + entry.member() + " already holds key " + entry.key()
                + " at entry " + holder);
    }

    @Override
    public List<LedgerEntry> entries(MemberNumber member, long afterSequence, int limit) {
        Objects.requireNonNull(member, "member");
        LedgerStore.checkPage(afterSequence, limit);
        return List.copyOf(jdbc.readOnly("reading the ledger of " + member, c -> jdbc.query(c,
                "SELECT document FROM crm_ledger_entries WHERE member = ? AND sequence > ? ORDER BY sequence LIMIT "
                        + limit, r -> jdbc.read(r.getString(1), LedgerEntry.class), member.value(), afterSequence)));
    }

    @Override
    public Optional<LedgerEntry> findByKey(MemberNumber member, IdempotencyKey key) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(key, "key");
        return jdbc.readOnly("finding a ledger entry of " + member, c -> byKey(c, member, key));
    }

    @Override
    public boolean appendsBatches() {
        return true;
    }

    /** Appends the batch as one conditional multi-row insert, which stores every entry or none. */
    @Override
    public void appendAll(List<LedgerEntry> entries) {
        append(entries, Map.of());
    }

    /** {@return true for the member repository of the same stores}: one database holds both */
    @Override
    public boolean checksVersionsIn(MemberRepository members) {
        return members instanceof JdbcMemberRepository r && r.jdbc == jdbc;
    }

    @Override
    public void appendAll(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
        Objects.requireNonNull(memberVersions, "memberVersions");
        memberVersions.forEach((member, version) -> {
            Objects.requireNonNull(member, "memberVersions' member");
            Objects.requireNonNull(version, "memberVersions' version of " + member);
        });
        append(entries, memberVersions);
    }

    private void append(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
        List<LedgerEntry> batch = LedgerStore.checkBatch(entries);
        if (batch.isEmpty()) {
            return;
        }
        // One statement, atomic on its own: every row goes in when, for each member, the last stored sequence is
        // the one before the member's first entry in the batch (and each member given is at its version), and
        // none otherwise (so consecutive entries of a member go in together). A racing writer's rows make it
        // break a constraint instead.
        Map<MemberNumber, Long> before = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>(batch.size() * 4 + 2 * before.size() + 2 * memberVersions.size());
        StringBuilder rows = new StringBuilder();
        for (LedgerEntry e : batch) {
            before.putIfAbsent(e.member(), e.sequence() - 1);
            rows.append(rows.length() == 0 ? "" : ", ").append("(?, CAST(? AS BIGINT), ?, ?)");
            params.addAll(List.of(e.member().value(), e.sequence(), e.key().value(), jdbc.write(e)));
        }
        String lasts = pairs(before, params);
        String sql = "INSERT INTO crm_ledger_entries (member, sequence, idempotency_key, document) "
                + "SELECT v.m, v.s, v.k, v.d FROM (VALUES " + rows + ") AS v (m, s, k, d) WHERE NOT EXISTS ("
                + "SELECT 1 FROM (VALUES " + lasts + ") AS w (m, x) WHERE (SELECT COALESCE(MAX(sequence), 0) FROM "
                + "crm_ledger_entries e WHERE e.member = w.m) <> w.x)";
        if (!memberVersions.isEmpty()) {
            sql += " AND NOT EXISTS (SELECT 1 FROM (VALUES " + pairs(memberVersions, params) + ") AS u (m, x) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM crm_members c WHERE c.id = u.m AND c.version = u.x))";
        }
        String statement = sql;
        try {
            jdbc.oneStatement("appending a batch of " + batch.size() + " ledger entries", c -> {
                int inserted = jdbc.update(c, statement, params.toArray());
                if (inserted == 0) {
                    throw refusal(c, before, memberVersions);
                }
                return inserted;
            });
        } catch (CrmException e) {
            if (!(e.getCause() instanceof SQLException s) || !Dialect.isUniqueViolation(s)) {
                throw e;
            }
            // A key used before, or a racing writer's sequence: either way nothing was appended.
            throw new DuplicateException("a ledger of the batch already holds one of its keys or sequences; nothing "
                    + "was appended");
        }
    }

    /** {@return pairs of (member, number) as VALUES rows}, their parameters added */
    private static String pairs(Map<MemberNumber, Long> numbers, List<Object> params) {
        StringBuilder out = new StringBuilder();
        numbers.forEach((member, n) -> {
            out.append(out.length() == 0 ? "" : ", ").append("(?, CAST(? AS BIGINT))");
            params.add(member.value());
            params.add(n);
        });
        return out.toString();
    }

    /** {@return why a batch went in with no row}: a member's ledger or the member itself moved on */
    private VersionConflictException refusal(Connection c, Map<MemberNumber, Long> before,
            Map<MemberNumber, Long> memberVersions) throws SQLException {
        for (Map.Entry<MemberNumber, Long> b : before.entrySet()) {
            long last = last(c, b.getKey());
            if (last != b.getValue()) {
                return new VersionConflictException("ledger", b.getKey(), b.getValue(), last);
            }
        }
        for (Map.Entry<MemberNumber, Long> v : memberVersions.entrySet()) {
            List<Long> stored = jdbc.query(c, "SELECT version FROM crm_members WHERE id = ?", r -> r.getLong(1),
                    v.getKey().value());
            long version = stored.isEmpty() ? 0 : stored.get(0);
            if (version != v.getValue()) {
                return new VersionConflictException("member", v.getKey(), v.getValue(), version);
            }
        }
        return new VersionConflictException("ledger", before.keySet().iterator().next(), -1, -1);
    }

    private Optional<LedgerEntry> byKey(Connection c, MemberNumber member, IdempotencyKey key) throws SQLException {
        return JdbcRepository.first(jdbc.query(c, BY_KEY, r -> jdbc.read(r.getString(1), LedgerEntry.class),
                member.value(), key.value()));
    }

    @Override
    public long lastSequence(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        return jdbc.readOnly("reading the ledger of " + member, c -> last(c, member));
    }

    private long last(Connection c, MemberNumber member) throws SQLException {
        return jdbc.query(c, "SELECT COALESCE(MAX(sequence), 0) FROM crm_ledger_entries WHERE member = ?",
                r -> r.getLong(1), member.value()).get(0);
    }

    @Override
    public void rewrite(MemberNumber member, List<LedgerEntry> entries) {
        Objects.requireNonNull(member, "member");
        List<LedgerEntry> rewritten = List.copyOf(entries);
        List<Object[]> rows = new ArrayList<>(rewritten.size());
        for (LedgerEntry e : rewritten) {
            rows.add(new Object[] {jdbc.write(e), member.value(), e.sequence()});
        }
        jdbc.inTransaction("rewriting the ledger of " + member, c -> {
            // Read under the transaction, so a concurrent append makes the check or the update fail, not slip by.
            List<LedgerEntry> stored = jdbc.query(c, "SELECT document FROM crm_ledger_entries WHERE member = ?"
                    + " ORDER BY sequence FOR UPDATE", r -> jdbc.read(r.getString(1), LedgerEntry.class),
                    member.value());
            LedgerStore.checkRewrite(member, stored, rewritten);
            jdbc.batch(c, "UPDATE crm_ledger_entries SET document = ? WHERE member = ? AND sequence = ?", rows);
            return null;
        });
    }

    @Override
    public void deleteMember(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        jdbc.inTransaction("deleting the ledger of " + member,
                c -> jdbc.update(c, "DELETE FROM crm_ledger_entries WHERE member = ?", member.value()));
    }
}
