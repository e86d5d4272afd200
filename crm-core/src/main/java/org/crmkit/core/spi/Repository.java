package org.crmkit.core.spi;

import java.util.Optional;

/**
 * The promises shared by every crmkit repository. Implementations are thread-safe.
 *
 * <p>Writes use optimistic concurrency. Every aggregate carries the version it was read at; a new aggregate has
 * version {@code 0}. {@link #save} stores the aggregate only when that version equals the version stored
 * ({@code 0} when nothing is stored under the id), and returns the stored snapshot with the version increased by
 * one. Otherwise it throws {@link org.crmkit.core.VersionConflictException}, naming the id, the version the
 * writer expected and the version found, and the store is unchanged. Of two writers that read the same version,
 * exactly one succeeds: no update is lost.
 *
 * <p>Implementations are thread-safe, and these promises hold however many threads write at once: a store that
 * cannot serve several writers serialises them itself.
 *
 * <p>Ids are compared exactly, as {@link String#equals} compares their text: ids that differ only in case are two
 * aggregates (a database column needs a binary or case-sensitive collation).
 *
 * <p>Store failures (a lost connection, a full disk, a missing table) are reported by every operation as
 * {@link org.crmkit.core.CrmException}s, never as the store's own exceptions; a failed write leaves nothing
 * half-written.
 *
 * <p>The storage contract kit ({@code crm-storage-kit}) checks every promise written in this package.
 *
 * @param <T> the aggregate
 * @param <I> its id
 */
public interface Repository<T, I> {

    /**
     * Stores an aggregate if it is based on the stored version.
     *
     * @param aggregate the aggregate, carrying the version it was read at
     * @return the stored snapshot, equal to {@code aggregate} but for the version, which is one higher
     * @throws org.crmkit.core.VersionConflictException when the stored version differs; nothing is changed
     * @throws org.crmkit.core.DuplicateException when the aggregate claims something unique held by another
     */
    T save(T aggregate);

    /**
     * Finds an aggregate by id.
     *
     * @param id the id
     * @return the stored snapshot, or empty when none is stored
     */
    Optional<T> findById(I id);

    /**
     * Deletes an aggregate. Deleting an id that is not stored does nothing, so deletes may be repeated. After a
     * delete, the id may be used again by a new aggregate starting at version 0.
     *
     * @param id the id
     */
    void deleteById(I id);

    /** {@return how many aggregates are stored} */
    long count();
}
