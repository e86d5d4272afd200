package org.crmkit.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.function.Function;

import org.crmkit.core.VersionConflictException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The shared core of the in-memory repositories, also for other modules' aggregates: a concurrent map for
 * lock-free reads, and one lock that makes each write (version check, uniqueness check, store, index update)
 * atomic. Subclasses add their queries over indexes kept in {@link #reindex}. Thread-safe.
 *
 * @param <T> the aggregate
 * @param <I> its id
 */
public abstract class InMemoryRepository<T, I> implements Repository<T, I> {
    private final String what;
    private final Function<T, I> idOf;
    private final ToLongFunction<T> versionOf;
    private final ConcurrentHashMap<I, T> byId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    /**
     * Creates an empty repository.
     *
     * @param what the aggregate's name in messages, such as {@code "customer"}
     * @param idOf reads an aggregate's id
     * @param versionOf reads an aggregate's version
     */
    protected InMemoryRepository(String what, Function<T, I> idOf, ToLongFunction<T> versionOf) {
        this.what = what;
        this.idOf = idOf;
        this.versionOf = versionOf;
    }

    /**
     * A copy of the aggregate carrying the given version.
     *
     * @param aggregate the aggregate
     * @param version the version
     * @return the copy
     */
    protected abstract T withVersion(T aggregate, long version);

    /**
     * Checks uniqueness rules before a store; throws to refuse. Called under the write lock.
     *
     * @param aggregate the aggregate about to be stored
     */
    protected void checkUnique(T aggregate) {
    }

    /**
     * Updates secondary indexes after a store or a delete. Called under the write lock.
     *
     * @param before the snapshot replaced or deleted, or null
     * @param after the snapshot stored, or null after a delete
     */
    protected abstract void reindex(@Nullable T before, @Nullable T after);

    @Override
    public T save(T aggregate) {
        Checks.notNull(what, aggregate);
        I id = idOf.apply(aggregate);
        long expected = versionOf.applyAsLong(aggregate);
        synchronized (writeLock) {
            T current = byId.get(id);
            long actual = current == null ? 0 : versionOf.applyAsLong(current);
            if (actual != expected) {
                throw new VersionConflictException(what, id, expected, actual);
            }
            checkUnique(aggregate);
            T stored = withVersion(aggregate, expected + 1);
            byId.put(id, stored);
            reindex(current, stored);
            return stored;
        }
    }

    @Override
    public Optional<T> findById(I id) {
        Checks.notNull("id", id);
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void deleteById(I id) {
        Checks.notNull("id", id);
        synchronized (writeLock) {
            T removed = byId.remove(id);
            if (removed != null) {
                reindex(removed, null);
            }
        }
    }

    @Override
    public long count() {
        return byId.size();
    }

    /**
     * The stored snapshot under an id, without an {@code Optional}.
     *
     * @param id the id
     * @return the snapshot, or null
     */
    protected @Nullable T stored(I id) {
        return byId.get(id);
    }

    /**
     * One page of a query whose results are kept in a sorted index from a cursor text to the id.
     *
     * @param ordered the index, in the query's order
     * @param request the page wanted; its cursor is a key of the index
     * @return the page, skipping ids deleted since the index was read
     */
    protected Page<T> page(NavigableMap<String, I> ordered, PageRequest request) {
        Checks.notNull("request", request);
        Map<String, I> tail = request.after() == null ? ordered : ordered.tailMap(request.after(), false);
        List<T> items = new ArrayList<>(Math.min(request.size(), 64));
        String last = null;
        for (Map.Entry<String, I> e : tail.entrySet()) {
            T item = byId.get(e.getValue());
            if (item == null) {
                continue;
            }
            if (items.size() == request.size()) {
                return new Page<>(items, last);
            }
            items.add(item);
            last = e.getKey();
        }
        return new Page<>(items, null);
    }
}
