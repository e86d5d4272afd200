package org.crmkit.loyalty.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;

/** Ledger entries in memory. Thread-safe: each member's journal is locked for its own appends and reads. */
public final class InMemoryLedgerStore implements LedgerStore {
    private final Map<MemberNumber, Journal> journals = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryLedgerStore() {
    }

    @Override
    public void append(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Journal j = journals.computeIfAbsent(entry.member(), m -> new Journal());
        synchronized (j) {
            long last = j.entries.size();
            if (entry.sequence() != last + 1) {
                throw new VersionConflictException("ledger", entry.member(), entry.sequence() - 1, last);
            }
            LedgerEntry holder = j.byKey.get(entry.key());
            if (holder != null) {
                throw new DuplicateException("ledger of " + entry.member() + " already holds key " + entry.key()
                        + " at entry " + holder.sequence());
            }
            j.entries.add(entry);
            j.byKey.put(entry.key(), entry);
        }
    }

    @Override
    public boolean appendsBatches() {
        return true;
    }

    @Override
    public void appendAll(List<LedgerEntry> entries) {
        List<LedgerEntry> batch = LedgerStore.checkBatch(entries);
        // Every journal the batch touches is locked, in member order so that two batches cannot deadlock.
        Map<String, Journal> touched = new TreeMap<>();
        for (LedgerEntry e : batch) {
            touched.computeIfAbsent(e.member().value(), k -> journals.computeIfAbsent(e.member(), m -> new Journal()));
        }
        inLocks(new ArrayList<>(touched.values()), 0, () -> {
            Map<MemberNumber, Long> last = new HashMap<>();
            Map<MemberNumber, Set<IdempotencyKey>> keys = new HashMap<>();
            for (LedgerEntry e : batch) {
                Journal j = touched.get(e.member().value());
                long previous = last.getOrDefault(e.member(), (long) j.entries.size());
                if (e.sequence() != previous + 1) {
                    throw new VersionConflictException("ledger", e.member(), e.sequence() - 1, previous);
                }
                last.put(e.member(), e.sequence());
                LedgerEntry holder = j.byKey.get(e.key());
                if (holder != null || !keys.computeIfAbsent(e.member(), m -> new HashSet<>()).add(e.key())) {
                    throw new DuplicateException("ledger of " + e.member() + " already holds key " + e.key()
                            + (holder != null ? " at entry " + holder.sequence() : " earlier in the batch"));
                }
            }
            for (LedgerEntry e : batch) {
                Journal j = touched.get(e.member().value());
                j.entries.add(e);
                j.byKey.put(e.key(), e);
            }
        });
    }

    private static void inLocks(List<Journal> locks, int i, Runnable work) {
        if (i == locks.size()) {
            work.run();
            return;
        }
        synchronized (locks.get(i)) {
            inLocks(locks, i + 1, work);
        }
    }

    @Override
    public List<LedgerEntry> entries(MemberNumber member, long afterSequence, int limit) {
        Objects.requireNonNull(member, "member");
        LedgerStore.checkPage(afterSequence, limit);
        Journal j = journals.get(member);
        if (j == null) {
            return List.of();
        }
        synchronized (j) {
            int from = (int) Math.min(afterSequence, j.entries.size());
            int to = (int) Math.min((long) from + limit, j.entries.size());
            return List.copyOf(j.entries.subList(from, to));
        }
    }

    @Override
    public Optional<LedgerEntry> findByKey(MemberNumber member, IdempotencyKey key) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(key, "key");
        Journal j = journals.get(member);
        if (j == null) {
            return Optional.empty();
        }
        synchronized (j) {
            return Optional.ofNullable(j.byKey.get(key));
        }
    }

    @Override
    public long lastSequence(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        Journal j = journals.get(member);
        if (j == null) {
            return 0;
        }
        synchronized (j) {
            return j.entries.size();
        }
    }

    @Override
    public void rewrite(MemberNumber member, List<LedgerEntry> entries) {
        Objects.requireNonNull(member, "member");
        List<LedgerEntry> rewritten = List.copyOf(entries);
        Journal j = journals.get(member);
        if (j == null) {
            LedgerStore.checkRewrite(member, List.of(), rewritten);
            return;
        }
        synchronized (j) {
            LedgerStore.checkRewrite(member, j.entries, rewritten);
            j.entries.clear();
            j.entries.addAll(rewritten);
            j.byKey.clear();
            rewritten.forEach(e -> j.byKey.put(e.key(), e));
        }
    }

    @Override
    public void deleteMember(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        journals.remove(member);
    }

    /** One member's entries. */
    private static final class Journal {
        final List<LedgerEntry> entries = new ArrayList<>();
        final Map<IdempotencyKey, LedgerEntry> byKey = new HashMap<>();
    }
}
