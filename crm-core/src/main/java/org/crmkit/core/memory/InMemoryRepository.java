package org.crmkit.core.memory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.function.Function;

import org.crmkit.core.VersionConflictException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The shared core of the in-memory repositories: a concurrent map for lock-free reads, and one lock that makes
 * each write (version check, store, index update) atomic.
 *
 * @param <T> the aggregate
 * @param <I> its id
 */
abstract class InMemoryRepository<T, I> implements Repository<T, I> {
    private final String what;
    private final Function<T, I> idOf;
    private final ToLongFunction<T> versionOf;
    final ConcurrentHashMap<I, T> byId = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();

    InMemoryRepository(String what, Function<T, I> idOf, ToLongFunction<T> versionOf) {
        this.what = what;
        this.idOf = idOf;
        this.versionOf = versionOf;
    }

    /** Returns a copy of the aggregate carrying the given version. */
    abstract T withVersion(T aggregate, long version);

    /** Checks uniqueness rules before a store; throws to refuse. Called under the write lock. */
    void checkUnique(T aggregate) {
    }

    /** Updates secondary indexes after a store or a delete. Called under the write lock. */
    abstract void reindex(@Nullable T before, @Nullable T after);

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
}
