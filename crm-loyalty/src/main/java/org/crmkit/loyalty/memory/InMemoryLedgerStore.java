package org.crmkit.loyalty.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * Ledger entries in memory. Thread-safe: each member's journal is locked for its own appends and reads.
 *
 * <p>Entries of every member share one append-only log; a member's journal holds its entries' places in the log
 * and their keys' hashes as numbers. Appending an entry thus writes one reference, next to the one before, instead
 * of one into each member's own structures: with many members, what a garbage collector has to track per posting
 * stays small. A member's deleted entries leave their places empty.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    /** A journal this long also indexes its keys in a map, so that a lookup stops scanning. */
    private static final int INDEX_FROM = 64;

    private final Map<MemberNumber, Journal> journals = new ConcurrentHashMap<>();
    private final Log log = new Log();

    /** Creates an empty store. */
    public InMemoryLedgerStore() {
    }

    @Override
    public void append(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Journal j = journals.computeIfAbsent(entry.member(), m -> new Journal());
        synchronized (j) {
            long last = j.size;
            if (entry.sequence() != last + 1) {
                throw new VersionConflictException("ledger", entry.member(), entry.sequence() - 1, last);
            }
            int holder = find(j, entry.key());
            if (holder >= 0) {
                throw new DuplicateException("ledger of " + entry.member() + " already holds key " + entry.key()
                        + " at entry " + (holder + 1));
            }
            add(j, entry, log.reserve(1));
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
                long previous = last.getOrDefault(e.member(), (long) j.size);
                if (e.sequence() != previous + 1) {
                    throw new VersionConflictException("ledger", e.member(), e.sequence() - 1, previous);
                }
                last.put(e.member(), e.sequence());
                int holder = find(j, e.key());
                if (holder >= 0 || !keys.computeIfAbsent(e.member(), m -> new HashSet<>()).add(e.key())) {
                    throw new DuplicateException("ledger of " + e.member() + " already holds key " + e.key()
                            + (holder >= 0 ? " at entry " + (holder + 1) : " earlier in the batch"));
                }
            }
            long place = log.reserve(batch.size());
            for (LedgerEntry e : batch) {
                add(touched.get(e.member().value()), e, place++);
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
            int from = (int) Math.min(afterSequence, j.size);
            return entries(j, from, (int) Math.min((long) from + limit, j.size));
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
            int i = find(j, key);
            return i < 0 ? Optional.empty() : Optional.of(log.get(j.places[i]));
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
            return j.size;
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
            LedgerStore.checkRewrite(member, entries(j, 0, j.size), rewritten);
            // Same sequences and keys: each entry takes its predecessor's place, and the key index stands.
            for (int i = 0; i < j.size; i++) {
                log.set(j.places[i], rewritten.get(i));
            }
        }
    }

    @Override
    public void deleteMember(MemberNumber member) {
        Objects.requireNonNull(member, "member");
        Journal j = journals.remove(member);
        if (j != null) {
            synchronized (j) {
                for (int i = 0; i < j.size; i++) {
                    log.set(j.places[i], null);
                }
                j.size = 0; // a reader that found the journal before its removal reads it empty
                j.index = null;
            }
        }
    }

    /** {@return the journal's entries from index {@code from} (inclusive) to {@code to} (exclusive)} */
    private List<LedgerEntry> entries(Journal j, int from, int to) {
        LedgerEntry[] out = new LedgerEntry[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = log.get(j.places[i]);
        }
        return List.of(out);
    }

    /** {@return the index in the journal of the entry holding a key, or -1} */
    private int find(Journal j, IdempotencyKey key) {
        if (j.index != null) {
            Integer i = j.index.get(key);
            return i == null ? -1 : i;
        }
        int hash = key.hashCode();
        for (int i = j.size - 1; i >= 0; i--) {
            if (j.hashes[i] == hash && log.get(j.places[i]).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void add(Journal j, LedgerEntry e, long place) {
        log.set(place, e);
        if (j.size == j.places.length) {
            j.places = Arrays.copyOf(j.places, j.size * 2);
            j.hashes = Arrays.copyOf(j.hashes, j.size * 2);
        }
        j.places[j.size] = place;
        j.hashes[j.size] = e.key().hashCode();
        if (j.index != null) {
            j.index.put(e.key(), j.size);
        } else if (j.size + 1 == INDEX_FROM) {
            j.index = new HashMap<>();
            for (int i = 0; i <= j.size; i++) {
                j.index.put(log.get(j.places[i]).key(), i);
            }
        }
        j.size++;
    }

    /** One member's entries: their places in the log and their keys' hashes, in sequence order. */
    private static final class Journal {
        long[] places = new long[4];
        int[] hashes = new int[4];
        int size;
        @Nullable Map<IdempotencyKey, Integer> index;
    }

    /**
     * The entries of every member, in the order they were appended, in chunks allocated as needed. A place is
     * written and read under the lock of the journal it belongs to.
     */
    private static final class Log {
        private static final int CHUNK_BITS = 14;
        private static final int CHUNK = 1 << CHUNK_BITS;

        private final AtomicLong next = new AtomicLong();
        private volatile @Nullable LedgerEntry[][] chunks = new LedgerEntry[16][];

        /** {@return the first of {@code n} consecutive places reserved for new entries} */
        long reserve(int n) {
            return next.getAndAdd(n);
        }

        @Nullable LedgerEntry get(long place) {
            return chunk(place)[(int) place & (CHUNK - 1)];
        }

        void set(long place, @Nullable LedgerEntry e) {
            chunk(place)[(int) place & (CHUNK - 1)] = e;
        }

        private @Nullable LedgerEntry[] chunk(long place) {
            long c = place >>> CHUNK_BITS;
            @Nullable LedgerEntry[][] cs = chunks;
            if (c < cs.length && cs[(int) c] != null) {
                return cs[(int) c];
            }
            synchronized (this) {
                if (c >= Integer.MAX_VALUE) {
                    throw new IllegalStateException("the in-memory ledger store holds its most entries: " + place);
                }
                cs = chunks;
                if (c >= cs.length) {
                    cs = Arrays.copyOf(cs, (int) Math.max(c + 1, Math.min(2L * cs.length, Integer.MAX_VALUE - 8)));
                    chunks = cs;
                }
                if (cs[(int) c] == null) {
                    cs[(int) c] = new LedgerEntry[CHUNK];
                }
                return cs[(int) c];
            }
        }
    }
}
