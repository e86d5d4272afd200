package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.crmkit.core.CrmException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.Repository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The promises every crmkit repository keeps, whatever the aggregate: round trips, optimistic concurrency under
 * racing writers, idempotent deletes, case-sensitive ids, and store failures reported as {@link CrmException}s.
 * Extend one of the per-aggregate contracts rather than this class; its tests are reported under the adapter's own
 * test class.
 *
 * @param <T> the aggregate
 * @param <I> its id
 * @param <R> the repository type
 */
public abstract class RepositoryContract<T, I, R extends Repository<T, I>> {
    /** How many items the kit stores to check that pages are not capped: one more than a common silent cap. */
    protected static final int BEYOND_COMMON_CAP = 1_001;

    /** The repository under test, fresh for each test. */
    protected R repository;

    /** For subclasses. */
    protected RepositoryContract() {
    }

    /** {@return a new, empty repository; called before each test} */
    protected abstract R createRepository();

    /**
     * A distinct aggregate with every field set, version 0.
     *
     * @param n which one; different {@code n} give different ids
     * @return the aggregate
     */
    protected abstract T aggregate(int n);

    /**
     * An aggregate like {@link #aggregate(int)} under a given id, for the case-sensitivity checks.
     *
     * @param id the id's text
     * @return the aggregate, version 0, or empty when this kind of id has one case only
     */
    protected abstract Optional<T> aggregateWithId(String id);

    /** {@return the aggregate's id} */
    protected abstract I idOf(T aggregate);

    /** {@return the aggregate's version} */
    protected abstract long versionOf(T aggregate);

    /** {@return the aggregate with another version} */
    protected abstract T withVersion(T aggregate, long version);

    /**
     * A change that leaves a visible mark, keeping id and version, so that concurrent writers can be checked
     * for lost updates.
     *
     * @param aggregate the stored snapshot
     * @param mark a lower-case code
     * @return the changed snapshot
     */
    protected abstract T withMark(T aggregate, String mark);

    /** {@return the marks an aggregate carries} */
    protected abstract Set<String> marksOf(T aggregate);

    /**
     * Makes the store fail from now on, as a lost connection or a full disk would, so that the kit can check the
     * failure reaches callers as a {@link CrmException}. An adapter over a store that can fail overrides this
     * (a JDBC adapter's test might hand the repository a data source whose connections it then refuses); the
     * default aborts the failure test, for stores that cannot fail, such as one in memory.
     */
    protected void breakStore() {
        Assumptions.abort("the adapter's test offers no way to make its store fail (override breakStore)");
    }

    /**
     * Every operation of the repository, named, each called with the given stored aggregate; subclasses add their
     * queries to the base's.
     *
     * @param stored a stored snapshot
     * @return the operations, by name
     */
    protected Map<String, Runnable> everyOperation(T stored) {
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("save", () -> repository.save(withMark(stored, "after-failure")));
        ops.put("findById", () -> repository.findById(idOf(stored)));
        ops.put("deleteById", () -> repository.deleteById(idOf(stored)));
        ops.put("count", () -> repository.count());
        return ops;
    }

    @BeforeEach
    final void createFreshRepository() {
        repository = createRepository();
    }

    @Test
    @DisplayName("a saved aggregate reads back equal, every field included, at version 1")
    void savedRoundTrip() {
        T original = aggregate(1);
        T saved = repository.save(original);
        assertEquals(1, versionOf(saved));
        assertEquals(withVersion(original, 1), saved);
        assertEquals(Optional.of(saved), repository.findById(idOf(original)));
    }

    @Test
    @DisplayName("a saved aggregate moves to the next version on each save and keeps the change")
    void savedNextVersion() {
        T v1 = repository.save(aggregate(2));
        T v2 = repository.save(withMark(v1, "second"));
        assertEquals(2, versionOf(v2));
        assertTrue(marksOf(repository.findById(idOf(v1)).orElseThrow()).contains("second"));
    }

    @Test
    @DisplayName("a saved aggregate is counted, and an unknown id is not found")
    void savedCountAndUnknown() {
        repository.save(aggregate(3));
        repository.save(aggregate(4));
        assertEquals(2, repository.count());
        assertEquals(Optional.empty(), repository.findById(idOf(aggregate(5))));
    }

    @Test
    @DisplayName("ids are compared exactly: ids differing only in case are two aggregates")
    void idsAreCaseSensitive() {
        Optional<T> lowerCase = aggregateWithId("kit-case-abc");
        Assumptions.assumeTrue(lowerCase.isPresent(), "these ids have one case only");
        T lower = repository.save(lowerCase.orElseThrow());
        T upper = aggregateWithId("KIT-CASE-ABC").orElseThrow();
        assertEquals(Optional.empty(), repository.findById(idOf(upper)), "found by the id in upper case");
        T storedUpper = repository.save(upper);
        assertEquals(1, versionOf(storedUpper), "the upper-case id is a new aggregate");
        assertEquals(Optional.of(lower), repository.findById(idOf(lower)));
        assertEquals(Optional.of(storedUpper), repository.findById(idOf(upper)));
        assertEquals(2, repository.count());
        repository.deleteById(idOf(upper));
        assertEquals(Optional.of(lower), repository.findById(idOf(lower)), "deleting one deleted the other");
    }

    @Test
    @DisplayName("a stale write is refused naming the id and both versions, and changes nothing")
    void staleWriteRefused() {
        T v1 = repository.save(aggregate(1));
        T v2 = repository.save(withMark(v1, "winner"));
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> repository.save(withMark(v1, "loser")));
        assertEquals(String.valueOf(idOf(v1)), e.id());
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.actualVersion());
        assertTrue(e.getMessage().contains(String.valueOf(idOf(v1))), e.getMessage());
        assertEquals(Optional.of(v2), repository.findById(idOf(v1)));
    }

    @Test
    @DisplayName("a new aggregate under a stored id is refused")
    void staleWriteNewUnderStoredId() {
        T stored = repository.save(aggregate(1));
        VersionConflictException e = assertThrows(VersionConflictException.class,
                () -> repository.save(withMark(aggregate(1), "again")));
        assertEquals(0, e.expectedVersion());
        assertEquals(1, e.actualVersion());
        assertEquals(Optional.of(stored), repository.findById(idOf(stored)));
    }

    @Test
    @DisplayName("a write of an aggregate that is not stored is refused with actual version 0")
    void staleWriteNotStored() {
        T ghost = withVersion(aggregate(1), 3);
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> repository.save(ghost));
        assertEquals(3, e.expectedVersion());
        assertEquals(0, e.actualVersion());
        assertEquals(Optional.empty(), repository.findById(idOf(ghost)));
    }

    @Test
    @DisplayName("concurrent writers lose no update")
    void concurrentWritersLoseNoUpdate() throws Exception {
        T stored = repository.save(aggregate(1));
        int writers = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    int conflicts = 0;
                    for (int i = 0; i < each; i++) {
                        while (true) {
                            T current = repository.findById(idOf(stored)).orElseThrow();
                            try {
                                repository.save(withMark(current, "w" + writer + "-" + i));
                                break;
                            } catch (VersionConflictException e) {
                                conflicts++;
                            }
                        }
                    }
                    return conflicts;
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        T last = repository.findById(idOf(stored)).orElseThrow();
        assertEquals(1 + writers * each, versionOf(last));
        assertTrue(marksOf(last).size() >= writers * each, "marks kept: " + marksOf(last).size());
    }

    @Test
    @DisplayName("of racing writers of one snapshot exactly one wins")
    void racingWritersExactlyOneWins() throws Exception {
        T stored = repository.save(aggregate(1));
        int won = Races.winners(6, w -> {
            try {
                repository.save(withMark(stored, "racer-" + w));
                return true;
            } catch (VersionConflictException e) {
                return false;
            }
        });
        assertEquals(1, won);
        assertEquals(2, versionOf(repository.findById(idOf(stored)).orElseThrow()));
    }

    @Test
    @DisplayName("a delete removes the aggregate, and repeating it or deleting an unknown id does nothing")
    void deleteIdempotent() {
        T stored = repository.save(aggregate(1));
        repository.save(aggregate(2));
        repository.deleteById(idOf(stored));
        repository.deleteById(idOf(stored));
        repository.deleteById(idOf(aggregate(99)));
        assertEquals(Optional.empty(), repository.findById(idOf(stored)));
        assertEquals(1, repository.count());
    }

    @Test
    @DisplayName("a delete frees the id for a new aggregate starting at version 0")
    void deleteFreesId() {
        T stored = repository.save(aggregate(1));
        repository.deleteById(idOf(stored));
        assertEquals(1, versionOf(repository.save(aggregate(1))));
    }

    @Test
    @DisplayName("a store failure reaches every caller as a CrmException")
    void storeFailuresAreCrmExceptions() {
        T stored = repository.save(aggregate(1));
        breakStore();
        for (Map.Entry<String, Runnable> op : everyOperation(stored).entrySet()) {
            try {
                op.getValue().run();
                fail(op.getKey() + " on a failed store returned normally");
            } catch (CrmException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank(),
                        op.getKey() + ": the exception says nothing");
            } catch (RuntimeException e) {
                fail(op.getKey() + " on a failed store threw " + e.getClass().getName()
                        + " instead of a CrmException: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Walks a paged query with a page of {@link PageRequest#MAX_SIZE} and one of 1,000, checking nothing is cut.
     *
     * @param query reads one page
     * @param expected every item, in the query's order
     * @param <E> the item type
     */
    protected static <E> void assertNotCapped(Function<PageRequest, Page<E>> query, List<E> expected) {
        List<E> largest = Walks.walk(query, PageRequest.MAX_SIZE);
        assertEquals(expected.size(), largest.size(), "items returned with pages of " + PageRequest.MAX_SIZE);
        assertEquals(expected, largest, "pages of " + PageRequest.MAX_SIZE);
        assertEquals(expected, Walks.walk(query, 1_000), "pages of 1,000");
    }
}
