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
import java.util.function.BooleanSupplier;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.internal.Bytes;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * Ledger entries in memory. Thread-safe: each member's journal is locked for its own appends and reads.
 *
 * <p>Entries are kept as bytes, those of every member in one append-only log; a member's journal holds where its
 * entries lie in the log and their keys' hashes, as numbers. Appending an entry thus writes bytes, next to those
 * before, and no reference: with many members, a garbage collector has nothing to trace or copy per posting, and
 * an entry takes a fraction of the memory it takes as objects. Each read builds the entries anew. The bytes of
 * a deleted member's entries, and those an entry had before it was rewritten, are overwritten with zeros; their
 * room in the log is not reused.
 */
public final class InMemoryLedgerStore implements LedgerStore {
    /** A journal this long also indexes its keys in a table, so that a lookup stops scanning its hashes. */
    private static final int INDEX_FROM = 64;

    private final Map<MemberNumber, Journal> journals = new ConcurrentHashMap<>();
    private final Log log = new Log();

    /** Creates an empty store. */
    public InMemoryLedgerStore() {
    }

    @Override
    public void append(LedgerEntry entry) {
        Objects.requireNonNull(entry, "entry");
        Bytes.Writer bytes = encoded(entry);
        while (true) {
            Journal j = journal(entry.member());
            synchronized (j) {
                if (j.deleted) {
                    continue; // the member was deleted meanwhile: the entry starts the member's next journal
                }
                long last = j.size;
                if (entry.sequence() != last + 1) {
                    throw new VersionConflictException("ledger", entry.member(), entry.sequence() - 1, last);
                }
                int holder = find(j, entry.key());
                if (holder >= 0) {
                    throw new DuplicateException("ledger of " + entry.member() + " already holds key "
                            + entry.key() + " at entry " + (holder + 1));
                }
                add(j, entry.key(), bytes);
                return;
            }
        }
    }

    @Override
    public boolean appendsBatches() {
        return true;
    }

    @Override
    public void appendAll(List<LedgerEntry> entries) {
        List<LedgerEntry> batch = LedgerStore.checkBatch(entries);
        List<Bytes.Writer> encoded = new ArrayList<>(batch.size());
        for (LedgerEntry e : batch) {
            encoded.add(encoded(e));
        }
        boolean stored;
        do {
            // Every journal the batch touches is locked, in member order so that two batches cannot deadlock.
            Map<String, Journal> touched = new TreeMap<>();
            for (LedgerEntry e : batch) {
                touched.computeIfAbsent(e.member().value(), k -> journal(e.member()));
            }
            stored = inLocks(new ArrayList<>(touched.values()), 0, () -> {
                if (touched.values().stream().anyMatch(j -> j.deleted)) {
                    return false; // a member was deleted meanwhile: lock its next journal instead
                }
                check(batch, touched);
                for (int i = 0; i < batch.size(); i++) {
                    LedgerEntry e = batch.get(i);
                    add(touched.get(e.member().value()), e.key(), encoded.get(i));
                }
                return true;
            });
        } while (!stored);
    }

    /** Refuses a batch whose sequences do not follow the journals' or whose keys are used, before any is stored. */
    private void check(List<LedgerEntry> batch, Map<String, Journal> touched) {
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
    }

    private Journal journal(MemberNumber member) {
        return journals.computeIfAbsent(member, Journal::new);
    }

    /** {@return the entry's bytes}, written before any lock is taken */
    private static Bytes.Writer encoded(LedgerEntry e) {
        Bytes.Writer w = new Bytes.Writer(EntryCodec.sizeHint(e));
        EntryCodec.write(e, w);
        return w;
    }

    private static boolean inLocks(List<Journal> locks, int i, BooleanSupplier work) {
        if (i == locks.size()) {
            return work.getAsBoolean();
        }
        synchronized (locks.get(i)) {
            return inLocks(locks, i + 1, work);
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
            return i < 0 ? Optional.empty() : Optional.of(EntryCodec.read(j.member, bytes(j, i)));
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
        List<Bytes.Writer> encoded = new ArrayList<>(rewritten.size());
        for (LedgerEntry e : rewritten) {
            encoded.add(encoded(e));
        }
        synchronized (j) {
            LedgerStore.checkRewrite(member, entries(j, 0, j.size), rewritten);
            // Same sequences and keys, so the hashes and their table stand; each entry moves to new bytes and
            // what it held before is erased.
            for (int i = 0; i < j.size; i++) {
                Bytes.Writer w = encoded.get(i);
                long place = log.reserve(w.size());
                log.write(place, w.array(), w.size());
                log.erase(j.place(i), j.length(i));
                j.set(i, place, w.size(), j.hash(i));
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
                    log.erase(j.place(i), j.length(i));
                }
                j.size = 0; // a reader that found the journal before its removal reads it empty
                j.table = null;
                j.summary = 0;
                j.deleted = true;
            }
        }
    }

    /** {@return the journal's entries from index {@code from} (inclusive) to {@code to} (exclusive)} */
    private List<LedgerEntry> entries(Journal j, int from, int to) {
        LedgerEntry[] out = new LedgerEntry[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = EntryCodec.read(j.member, bytes(j, i));
        }
        return List.of(out);
    }

    private byte[] bytes(Journal j, int i) {
        return log.read(j.place(i), j.length(i));
    }

    /** {@return the index in the journal of the entry holding a key, or -1} */
    private int find(Journal j, IdempotencyKey key) {
        int hash = key.hashCode();
        int[] table = j.table;
        if (table == null) {
            long bits = Journal.summaryBits(hash);
            if ((j.summary & bits) != bits) {
                return -1; // no key of the journal has this hash: its hashes need not be read
            }
            for (int i = j.size - 1; i >= 0; i--) {
                if (holds(j, i, hash, key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = table.length - 1;
        for (int slot = spread(hash) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (holds(j, i, hash, key)) {
                return i;
            }
        }
        return -1;
    }

    /** {@return whether the journal's entry at index {@code i} holds the key}, its bytes read only on a hash match */
    private boolean holds(Journal j, int i, int hash, IdempotencyKey key) {
        return j.hash(i) == hash && EntryCodec.key(bytes(j, i)).equals(key);
    }

    private void add(Journal j, IdempotencyKey key, Bytes.Writer bytes) {
        long place = log.reserve(bytes.size());
        log.write(place, bytes.array(), bytes.size());
        if (2 * j.size == j.slots.length) {
            j.slots = Arrays.copyOf(j.slots, 4 * j.size);
        }
        j.set(j.size, place, bytes.size(), key.hashCode());
        j.size++;
        if (j.table != null && 2 * j.size <= j.table.length) {
            index(j, j.table, j.size - 1);
        } else if (j.size >= INDEX_FROM) {
            int[] table = new int[Integer.highestOneBit(j.size) * 4];
            for (int i = 0; i < j.size; i++) {
                index(j, table, i);
            }
            j.table = table;
        }
    }

    private static void index(Journal j, int[] table, int i) {
        int mask = table.length - 1;
        int slot = spread(j.hash(i)) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = i + 1;
    }

    /** Mixes a key's hash so that keys differing only in their last characters fall into different slots. */
    private static int spread(int hash) {
        return hash * 0x9E3779B9 >>> 7 ^ hash;
    }

    /**
     * One member's entries in sequence order: where each lies in the log, and its length and key's hash, two
     * numbers side by side in one array (one array, so a posting reaches fewer places in memory); and, from
     * {@link #INDEX_FROM} entries, an open-addressing table of the entries by key hash, holding index + 1 (0 is a
     * free slot), at most half full. Below that, a summary of the keys' hashes (two bits of 64 each) tells most
     * new keys from the keys held without reading the hashes.
     */
    private static final class Journal {
        final MemberNumber member;
        long[] slots = new long[8];
        int @Nullable [] table;
        long summary;
        int size;
        /** Set when the member is deleted: a writer that found this journal before then takes the next one. */
        boolean deleted;

        Journal(MemberNumber member) {
            this.member = member;
        }

        long place(int i) {
            return slots[2 * i];
        }

        int length(int i) {
            return (int) (slots[2 * i + 1] >>> 32);
        }

        int hash(int i) {
            return (int) slots[2 * i + 1];
        }

        /** {@return the two bits of {@link #summary} a key's hash sets} */
        static long summaryBits(int hash) {
            int h = spread(hash);
            return 1L << h | 1L << (h >>> 6);
        }

        void set(int i, long place, int length, int hash) {
            slots[2 * i] = place;
            slots[2 * i + 1] = (long) length << 32 | hash & 0xFFFF_FFFFL;
            summary |= summaryBits(hash);
        }
    }

    /**
     * The bytes of every member's entries, in the order they were appended, in chunks allocated as needed; an
     * entry may run on from one chunk into the next. A range is written and read under the lock of the journal it
     * belongs to; ranges never overlap, and the chunk directory is published through a volatile field.
     */
    private static final class Log {
        private static final int CHUNK_BITS = 20;
        private static final int CHUNK = 1 << CHUNK_BITS;

        private final AtomicLong next = new AtomicLong();
        private volatile byte @Nullable [][] chunks = new byte[16][];

        /** {@return the first of {@code n} consecutive places reserved for an entry's bytes} */
        long reserve(int n) {
            return next.getAndAdd(n);
        }

        void write(long place, byte[] bytes, int length) {
            for (int done = 0; done < length; ) {
                int offset = (int) (place + done) & (CHUNK - 1);
                int n = Math.min(length - done, CHUNK - offset);
                System.arraycopy(bytes, done, chunk(place + done), offset, n);
                done += n;
            }
        }

        byte[] read(long place, int length) {
            byte[] out = new byte[length];
            for (int done = 0; done < length; ) {
                int offset = (int) (place + done) & (CHUNK - 1);
                int n = Math.min(length - done, CHUNK - offset);
                System.arraycopy(chunk(place + done), offset, out, done, n);
                done += n;
            }
            return out;
        }

        /** Overwrites a range with zeros, so that what was erased is gone from memory, not just unreachable. */
        void erase(long place, int length) {
            for (int done = 0; done < length; ) {
                int offset = (int) (place + done) & (CHUNK - 1);
                int n = Math.min(length - done, CHUNK - offset);
                Arrays.fill(chunk(place + done), offset, offset + n, (byte) 0);
                done += n;
            }
        }

        private byte[] chunk(long place) {
            long c = place >>> CHUNK_BITS;
            byte @Nullable [][] cs = chunks;
            if (c < cs.length && cs[(int) c] != null) {
                return cs[(int) c];
            }
            synchronized (this) {
                if (c >= Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("the in-memory ledger store holds its most entries: " + place);
                }
                cs = chunks;
                if (c >= cs.length) {
                    cs = Arrays.copyOf(cs, (int) Math.max(c + 1, Math.min(2L * cs.length, Integer.MAX_VALUE - 8)));
                    chunks = cs;
                }
                if (cs[(int) c] == null) {
                    cs[(int) c] = new byte[CHUNK];
                }
                return cs[(int) c];
            }
        }
    }
}
