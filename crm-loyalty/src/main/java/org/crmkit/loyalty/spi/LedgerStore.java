package org.crmkit.loyalty.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.RuleViolationException;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * Stores ledger entries, append-only, one sequence per member. Implementations are thread-safe.
 *
 * <p>{@link #append} stores an entry only when its sequence is one more than the member's last (1 for the first),
 * and only when the member has no entry with the same idempotency key; otherwise it throws and stores nothing.
 * Of two writers appending the same sequence, exactly one succeeds. Entries are never changed or removed, except
 * all at once by {@link #deleteMember}. Idempotency keys belong to their member: two members may use the same key,
 * and a lookup never answers with another member's entry. Pages of up to 10,000 entries are served in full.
 * Store failures are reported by every operation as {@link org.crmkit.core.CrmException}s. The contract kit
 * ({@code crm-loyalty-storage-kit}) checks these promises.
 */
public interface LedgerStore {
    /** The most entries one {@link #appendAll} takes. */
    int MAX_BATCH = 1_000;

    /**
     * Appends an entry.
     *
     * @param entry the entry, carrying the member, its sequence and its key
     * @throws org.crmkit.core.VersionConflictException when the sequence is not the next; its expected version is
     *         the entry's sequence less one and its actual version the member's last sequence
     * @throws org.crmkit.core.DuplicateException when the member already has an entry with that key
     */
    void append(LedgerEntry entry);

    /**
     * Reads a member's entries after a sequence number.
     *
     * @param member the member
     * @param afterSequence 0 for all
     * @param limit the most entries to return, 1 to 10,000
     * @return the entries in sequence order; fewer than {@code limit} only at the end
     */
    List<LedgerEntry> entries(MemberNumber member, long afterSequence, int limit);

    /**
     * Checks the size of a batch given to {@link #appendAll}, so that every store refuses the same batches.
     *
     * @param entries the batch
     * @return an immutable copy of the batch
     * @throws RuleViolationException when it holds more than {@value #MAX_BATCH} entries
     */
    static List<LedgerEntry> checkBatch(List<LedgerEntry> entries) {
        List<LedgerEntry> batch = List.copyOf(entries);
        if (batch.size() > MAX_BATCH) {
            throw new RuleViolationException("a batch must hold at most " + MAX_BATCH + " entries: "
                    + batch.size());
        }
        return batch;
    }

    /**
     * Checks the arguments of {@link #entries}, so that every store refuses the same requests with the same
     * messages.
     *
     * @param afterSequence must not be negative
     * @param limit must be 1 to 10,000
     * @throws RuleViolationException naming the argument and its value otherwise
     */
    static void checkPage(long afterSequence, int limit) {
        if (afterSequence < 0) {
            throw new RuleViolationException("afterSequence must not be negative: " + afterSequence);
        }
        if (limit < 1 || limit > 10_000) {
            throw new RuleViolationException("limit must be between 1 and 10000: " + limit);
        }
    }

    /**
     * Finds the member's entry holding an idempotency key.
     *
     * @param member the member
     * @param key the key
     * @return the member's entry, or empty when none of the member's entries holds it
     */
    Optional<LedgerEntry> findByKey(MemberNumber member, IdempotencyKey key);

    /**
     * Tells whether {@link #appendAll} appends batches. The default does not.
     *
     * @return true when {@code appendAll} is implemented
     */
    default boolean appendsBatches() {
        return false;
    }

    /**
     * Appends a batch of entries all at once or not at all, as {@link #append} would one by one: each member's
     * entries in sequence order, the first one more than the member's last, no key used twice by a member.
     *
     * @param entries the entries, in the order to append them, at most {@value #MAX_BATCH}
     * @throws RuleViolationException when there are more; nothing is stored
     * @throws org.crmkit.core.VersionConflictException when an entry is not its member's next; nothing is stored
     * @throws org.crmkit.core.DuplicateException when a member already has an entry with an entry's key; nothing
     *         is stored
     * @throws UnsupportedOperationException when {@link #appendsBatches()} is false, as by default
     */
    default void appendAll(List<LedgerEntry> entries) {
        throw new UnsupportedOperationException("this ledger store appends one entry at a time");
    }

    /**
     * Tells whether {@link #appendAll(List, Map)} checks, in the batch's own write, the versions of members kept
     * by a repository: a store and a repository over one database can. The default cannot.
     *
     * @param members the repository a ledger reads its members from
     * @return true when this store checks that repository's members as it appends
     */
    default boolean checksVersionsIn(MemberRepository members) {
        return false;
    }

    /**
     * Appends a batch as {@link #appendAll(List)} does, and only when every member given is stored at the version
     * given: a ledger may then decide a batch on members it read earlier, without reading their versions first.
     *
     * @param entries the entries, in the order to append them, at most {@value #MAX_BATCH}
     * @param memberVersions the version of each member the entries were decided on
     * @throws RuleViolationException when there are more entries; nothing is stored
     * @throws org.crmkit.core.VersionConflictException when an entry is not its member's next, or a member is not
     *         at the version given (then its expected version is the one given); nothing is stored
     * @throws org.crmkit.core.DuplicateException when a member already has an entry with an entry's key; nothing
     *         is stored
     * @throws UnsupportedOperationException when the store does not check members, as by default
     */
    default void appendAll(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
        throw new UnsupportedOperationException("this ledger store does not check members' versions");
    }

    /**
     * The member's last sequence number.
     *
     * @param member the member
     * @return 0 when the member has no entry
     */
    long lastSequence(MemberNumber member);

    /**
     * Replaces a member's entries with new versions of themselves, all at once or not at all: for erasure, which
     * removes free text (the reasons) without changing the arithmetic. The entries given must be exactly
     * the stored ones by sequence, idempotency key and kind, in sequence order.
     *
     * @param member the member
     * @param entries every entry of the member, rewritten
     * @throws RuleViolationException when the entries do not match the stored ones by sequence, key and kind, or
     *         belong to another member; nothing is changed
     */
    void rewrite(MemberNumber member, List<LedgerEntry> entries);

    /**
     * Checks that rewritten entries match the stored ones by member, sequence, key and kind: for implementations.
     *
     * @param member the member
     * @param stored the entries stored now, in sequence order
     * @param rewritten the entries to store instead
     * @throws RuleViolationException when they do not match
     */
    static void checkRewrite(MemberNumber member, List<LedgerEntry> stored, List<LedgerEntry> rewritten) {
        if (stored.size() != rewritten.size()) {
            throw new RuleViolationException("a rewrite of the ledger of " + member + " must give its "
                    + stored.size() + " entries: it gives " + rewritten.size());
        }
        for (int i = 0; i < stored.size(); i++) {
            LedgerEntry s = stored.get(i);
            LedgerEntry r = rewritten.get(i);
            if (!r.member().equals(member) || r.sequence() != s.sequence() || !r.key().equals(s.key())
                    || r.getClass() != s.getClass()) {
                throw new RuleViolationException("a rewrite of the ledger of " + member + " must keep entry "
                        + s.sequence() + " (" + s.getClass().getSimpleName() + ", key " + s.key()
                        + ") in place: it gives entry " + r.sequence() + " (" + r.getClass().getSimpleName()
                        + ", key " + r.key() + ") of " + r.member());
            }
        }
    }

    /**
     * Removes every entry of a member (erasure). Idempotent.
     *
     * @param member the member
     */
    void deleteMember(MemberNumber member);
}
