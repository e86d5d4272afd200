package org.crmkit.core.cache;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.Repository;
import org.jspecify.annotations.Nullable;

/**
 * Caches lookups by id of any {@link Repository}; absent ids are cached too. Every save or delete through the
 * decorator invalidates the entry for that id, whether the write succeeded or failed, so a reader through the
 * decorator never sees a snapshot older than the last write made through it. Queries other than
 * {@link #findById} go to the delegate. Thread-safe when the delegate is.
 *
 * @param <T> the aggregate
 * @param <I> its id
 * @param <R> the repository type
 */
public abstract class CachingRepository<T, I, R extends Repository<T, I>> implements Repository<T, I> {
    /** The decorated repository. */
    protected final R delegate;
    private final LoadingCache<I, Optional<T>> byId;

    /**
     * Wraps a repository.
     *
     * @param delegate the repository to cache
     * @param spec the cache settings, such as {@code Caffeine.newBuilder().maximumSize(100_000).recordStats()};
     *     used as given and never changed, so one spec may serve several decorators. {@link #stats()} counts only
     *     when the spec records statistics.
     */
    protected CachingRepository(R delegate, Caffeine<Object, Object> spec) {
        this.delegate = Checks.notNull("delegate", delegate);
        Checks.notNull("spec", spec);
        this.byId = spec.build(delegate::findById);
    }

    /** {@return the id of an aggregate} */
    protected abstract I idOf(T aggregate);

    /**
     * Drops entries derived from an aggregate, after every write through the decorator, successful or not.
     * Called with the snapshot stored before the write (if any and if {@link #tracksDerivedEntries()}) and the
     * aggregate written (null for a delete).
     *
     * @param before the stored snapshot before the write, or null
     * @param written the aggregate offered to the write, or null for a delete
     */
    protected void invalidateDerived(@Nullable T before, @Nullable T written) {
    }

    /** {@return true when the decorator caches lookups other than by id and needs the previous snapshot} */
    protected boolean tracksDerivedEntries() {
        return false;
    }

    private @Nullable T previous(I id) {
        return tracksDerivedEntries() ? delegate.findById(id).orElse(null) : null;
    }

    @Override
    public T save(T aggregate) {
        Checks.notNull("aggregate", aggregate);
        I id = idOf(aggregate);
        T before = previous(id);
        try {
            return delegate.save(aggregate);
        } finally {
            byId.invalidate(id);
            invalidateDerived(before, aggregate);
        }
    }

    @Override
    public Optional<T> findById(I id) {
        Checks.notNull("id", id);
        return byId.get(id);
    }

    @Override
    public void deleteById(I id) {
        Checks.notNull("id", id);
        T before = previous(id);
        try {
            delegate.deleteById(id);
        } finally {
            byId.invalidate(id);
            invalidateDerived(before, null);
        }
    }

    @Override
    public long count() {
        return delegate.count();
    }

    /** Drops every cached lookup by id; use after the store was changed behind the decorator's back. */
    public void invalidateAll() {
        byId.invalidateAll();
    }

    /** {@return hit, miss, load and eviction counts of the lookups by id; all zero unless the spec records them} */
    public CacheStats stats() {
        return byId.stats();
    }
}
