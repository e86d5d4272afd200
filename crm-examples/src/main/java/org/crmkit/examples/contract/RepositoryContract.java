package org.crmkit.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.VersionConflictException;
import org.crmkit.core.spi.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The promises every crmkit repository keeps, whatever the aggregate: round trips, optimistic concurrency,
 * idempotent deletes. Extend one of the per-aggregate contracts rather than this class.
 *
 * @param <T> the aggregate
 * @param <I> its id
 * @param <R> the repository type
 */
public abstract class RepositoryContract<T, I, R extends Repository<T, I>> {
    /** The repository under test, fresh for each test. */
    protected R repository;

    /** {@return a new, empty repository; called before each test} */
    protected abstract R createRepository();

    /**
     * A distinct aggregate with every field set, version 0.
     *
     * @param n which one; different {@code n} give different ids
     * @return the aggregate
     */
    protected abstract T aggregate(int n);

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

    /** {@return false when the adapter cannot serve several writing threads (the kit then skips those tests)} */
    protected boolean supportsConcurrentWriters() {
        return true;
    }

    @BeforeEach
    void createFreshRepository() {
        repository = createRepository();
    }

    /** Round trips. */
    @Nested
    @DisplayName("a saved aggregate")
    class Saving {
        @Test
        @DisplayName("reads back equal, every field included, at version 1")
        void roundTrip() {
            T original = aggregate(1);
            T saved = repository.save(original);
            assertEquals(1, versionOf(saved));
            assertEquals(withVersion(original, 1), saved);
            assertEquals(Optional.of(saved), repository.findById(idOf(original)));
        }

        @Test
        @DisplayName("moves to the next version on each save and keeps the change")
        void nextVersion() {
            T v1 = repository.save(aggregate(2));
            T v2 = repository.save(withMark(v1, "second"));
            assertEquals(2, versionOf(v2));
            assertTrue(marksOf(repository.findById(idOf(v1)).orElseThrow()).contains("second"));
        }

        @Test
        @DisplayName("is counted, and an unknown id is not found")
        void countAndUnknown() {
            repository.save(aggregate(3));
            repository.save(aggregate(4));
            assertEquals(2, repository.count());
            assertEquals(Optional.empty(), repository.findById(idOf(aggregate(5))));
        }
    }

    /** Optimistic concurrency. */
    @Nested
    @DisplayName("a stale write")
    class StaleWrites {
        @Test
        @DisplayName("is refused naming the id and both versions, and changes nothing")
        void refused() {
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
        @DisplayName("of a new aggregate under a stored id is refused")
        void newUnderStoredId() {
            T stored = repository.save(aggregate(1));
            VersionConflictException e = assertThrows(VersionConflictException.class,
                    () -> repository.save(withMark(aggregate(1), "again")));
            assertEquals(0, e.expectedVersion());
            assertEquals(1, e.actualVersion());
            assertEquals(Optional.of(stored), repository.findById(idOf(stored)));
        }

        @Test
        @DisplayName("of an aggregate that is not stored is refused with actual version 0")
        void notStored() {
            T ghost = withVersion(aggregate(1), 3);
            VersionConflictException e = assertThrows(VersionConflictException.class, () -> repository.save(ghost));
            assertEquals(3, e.expectedVersion());
            assertEquals(0, e.actualVersion());
            assertEquals(Optional.empty(), repository.findById(idOf(ghost)));
        }

        @Test
        @DisplayName("from concurrent writers loses no update")
        void noLostUpdate() throws Exception {
            assumeTrue(supportsConcurrentWriters(), "adapter does not support concurrent writers");
            T stored = repository.save(aggregate(1));
            int writers = 4;
            int each = 10;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
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
            pool.shutdown();
            T last = repository.findById(idOf(stored)).orElseThrow();
            assertEquals(1 + writers * each, versionOf(last));
            assertTrue(marksOf(last).size() >= writers * each, "marks kept: " + marksOf(last).size());
        }

        @Test
        @DisplayName("of one snapshot by racing writers lets exactly one win")
        void exactlyOneWins() throws Exception {
            assumeTrue(supportsConcurrentWriters(), "adapter does not support concurrent writers");
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
    }

    /** Deletes. */
    @Nested
    @DisplayName("a delete")
    class Deleting {
        @Test
        @DisplayName("removes the aggregate, and repeating it or deleting an unknown id does nothing")
        void idempotent() {
            T stored = repository.save(aggregate(1));
            repository.save(aggregate(2));
            repository.deleteById(idOf(stored));
            repository.deleteById(idOf(stored));
            repository.deleteById(idOf(aggregate(99)));
            assertEquals(Optional.empty(), repository.findById(idOf(stored)));
            assertEquals(1, repository.count());
        }

        @Test
        @DisplayName("frees the id for a new aggregate starting at version 0")
        void reuse() {
            T stored = repository.save(aggregate(1));
            repository.deleteById(idOf(stored));
            assertEquals(1, versionOf(repository.save(aggregate(1))));
        }
    }
}
