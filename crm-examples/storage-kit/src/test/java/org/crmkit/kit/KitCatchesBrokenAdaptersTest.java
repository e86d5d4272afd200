package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.crmkit.core.CrmException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.memory.InMemoryTouchpointRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ForwardingCustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The kit must fail adapters that break a promise. Each broken adapter below makes one mistake that adapter authors
 * really make, and the test names the kit test that must catch it, deterministically. The kit runs in-process
 * through the JUnit Platform's test kit, so its expected failures are counted, not printed.
 */
class KitCatchesBrokenAdaptersTest {

    /** The names of the kit's test methods that failed when run against an adapter's test class. */
    static Set<String> failedTests(String engine, Class<?> adapterTest) {
        EngineExecutionResults results = EngineTestKit.engine(engine)
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .configurationParameter("jqwik.reporting.onlyfailures", "true")
                .configurationParameter("jqwik.database", "target/jqwik-kit-self-test.db")
                .selectors(selectClass(adapterTest)).execute();
        return results.testEvents().failed().stream().map(Event::getTestDescriptor)
                .map(d -> d.getSource().map(KitCatchesBrokenAdaptersTest::methodName).orElse(d.getDisplayName()))
                .collect(Collectors.toSet());
    }

    private static String methodName(TestSource source) {
        return source instanceof MethodSource m ? m.getMethodName() : source.toString();
    }

    private static void assertCaughtBy(Set<String> failed, String... kitTests) {
        for (String test : kitTests) {
            assertTrue(failed.contains(test), "the kit's " + test + " did not fail; failed were " + failed);
        }
    }

    // ---- Profiles ----------------------------------------------------------------------------------------------

    @Test
    void theInMemoryRepositoriesPassTheWholeKit() {
        assertEquals(Set.of(), failedTests("junit-jupiter", InMemoryCustomerRepositoryContractTest.class));
        assertEquals(Set.of(), failedTests("junit-jupiter", InMemoryTouchpointRepositoryContractTest.class));
        assertEquals(Set.of(), failedTests("junit-jupiter", InMemoryServiceCaseRepositoryContractTest.class));
    }

    @Test
    void lostUpdatesFailTheStaleWriteTestsAndTheProperties() {
        assertCaughtBy(failedTests("junit-jupiter", LostUpdatesContract.class), "staleWriteRefused",
                "staleWriteNewUnderStoredId", "staleWriteNotStored", "racingWritersExactlyOneWins");
        assertTrue(!failedTests("jqwik", LostUpdatesProperties.class).isEmpty());
    }

    @Test
    void aCheckThenWriteRaceFailsTheRacingWriterTests() {
        Set<String> failed = failedTests("junit-jupiter", RacyWritesContract.class);
        assertCaughtBy(failed, "racingWritersExactlyOneWins");
        assertTrue(!failed.contains("staleWriteRefused"), "a one-thread stale write is still refused: " + failed);
    }

    @Test
    void aStaleContactIndexFailsTheLookupTests() {
        assertCaughtBy(failedTests("junit-jupiter", StaleContactIndexContract.class), "contactFollowsChanges");
        assertTrue(!failedTests("jqwik", StaleContactIndexProperties.class).isEmpty());
    }

    @Test
    void gappyPagingFailsThePagingTests() {
        assertCaughtBy(failedTests("junit-jupiter", GappyPagingContract.class), "pagingNoGapNoDuplicate",
                "pagingStableUnderChange");
    }

    @Test
    void pagesSilentlyCappedAtAThousandFailTheCapTest() {
        assertEquals(Set.of("pagingNotCapped"), failedTests("junit-jupiter", CappedPagesContract.class));
    }

    @Test
    void idsComparedIgnoringCaseFailTheCaseTest() {
        assertEquals(Set.of("idsAreCaseSensitive"), failedTests("junit-jupiter", CaseInsensitiveIdsContract.class));
    }

    @Test
    void theOldHolderOfAMergedExternalIdStillAnsweringFailsTheMergeTest() {
        assertCaughtBy(failedTests("junit-jupiter", FirstHolderKeepsExternalIdContract.class),
                "externalIdMergeTakesOverAtOnce");
    }

    @Test
    void storeFailuresAsPlainJavaExceptionsFailTheFailureTest() {
        assertEquals(Set.of("storeFailuresAreCrmExceptions"),
                failedTests("junit-jupiter", PlainExceptionsContract.class));
        assertEquals(Set.of(), failedTests("junit-jupiter", CrmExceptionsContract.class),
                "failures reported as CrmExceptions pass");
    }

    // ---- Touchpoints -------------------------------------------------------------------------------------------

    @Test
    void tiesInInsertionOrderFailTheTieTest() {
        assertCaughtBy(failedTests("junit-jupiter", TiesInInsertionOrderContract.class), "historyTiesInIdOrder");
    }

    @Test
    void aCustomerIndexThatKeepsDeletedAndMovedTouchpointsFailsTheirTests() {
        assertCaughtBy(failedTests("junit-jupiter", StaleCustomerIndexContract.class), "historyForgetsDeleted",
                "historyFollowsMove");
    }

    // ---- The broken adapters -----------------------------------------------------------------------------------

    /** Forwards everything to an in-memory repository. */
    abstract static class Delegating extends ForwardingCustomerRepository {
        final InMemoryCustomerRepository inner = new InMemoryCustomerRepository();

        @Override
        protected CustomerRepository delegate() {
            return inner;
        }
    }

    /** Writes whatever it is given, ignoring versions: the last writer wins and updates are lost. */
    static final class LostUpdates extends Delegating {
        @Override
        public Customer save(Customer c) {
            long stored = inner.findById(c.id()).map(Customer::version).orElse(0L);
            return inner.save(c.withVersion(stored));
        }
    }

    /**
     * Checks the version, then writes without holding anything between the two: two writers of one snapshot both
     * pass the check. The barrier makes the race happen on every run instead of by chance.
     */
    static final class RacyWrites extends Delegating {
        private final CyclicBarrier bothChecked = new CyclicBarrier(2);

        @Override
        public Customer save(Customer c) {
            long stored = inner.findById(c.id()).map(Customer::version).orElse(0L);
            if (stored != c.version()) {
                throw new VersionConflictException("customer", c.id(), c.version(), stored);
            }
            if (c.version() == 0) {
                return inner.save(c); // the kit's races are over stored snapshots; new ones go straight in
            }
            try {
                bothChecked.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                bothChecked.reset(); // a writer alone writes at once
            }
            synchronized (this) { // both writers that passed the check write, one after the other
                long now = inner.findById(c.id()).map(Customer::version).orElse(0L);
                return inner.save(c.withVersion(now));
            }
        }
    }

    /** Remembers contact lookups forever, so a changed address keeps finding the profile. */
    static final class StaleContactIndex extends Delegating {
        private final Map<ContactAddress, List<Customer>> remembered = new ConcurrentHashMap<>();

        @Override
        public List<Customer> findByContact(ContactAddress address) {
            return remembered.computeIfAbsent(address, inner::findByContact);
        }
    }

    /** Pages by skipping a count that is off by one: one profile per page boundary is never returned. */
    static final class GappyPaging extends Delegating {
        @Override
        public Page<Customer> findAll(PageRequest request) {
            Page<Customer> page = inner.findAll(request);
            if (!page.hasNext() || page.items().size() < 2) {
                return page;
            }
            return new Page<>(page.items().subList(0, page.items().size() - 1), page.next());
        }
    }

    /** Serves at most 1,000 items a page and then says there are no more, as a LIMIT hard-coded in SQL would. */
    static final class CappedPages extends Delegating {
        @Override
        public Page<Customer> findAll(PageRequest request) {
            if (request.size() <= 1_000) {
                return inner.findAll(request);
            }
            return new Page<>(inner.findAll(new PageRequest(1_000, request.after())).items(), null);
        }
    }

    /** Finds profiles by id ignoring case, as a case-insensitive collation on the id column would. */
    static final class CaseInsensitiveIds extends Delegating {
        private final Map<String, CustomerId> byFoldedId = new ConcurrentHashMap<>();

        @Override
        public Customer save(Customer c) {
            Customer stored = inner.save(c);
            byFoldedId.putIfAbsent(c.id().value().toLowerCase(Locale.ROOT), c.id());
            return stored;
        }

        @Override
        public Optional<Customer> findById(CustomerId id) {
            CustomerId folded = byFoldedId.get(id.value().toLowerCase(Locale.ROOT));
            return inner.findById(folded == null ? id : folded);
        }
    }

    /** Indexes each external id under its first holder and never moves it, so a merge does not take it over. */
    static final class FirstHolderKeepsExternalId extends Delegating {
        private final Map<ExternalId, CustomerId> firstHolder = new ConcurrentHashMap<>();

        @Override
        public Customer save(Customer c) {
            Customer stored = inner.save(c);
            c.externalIds().forEach(x -> firstHolder.putIfAbsent(x, c.id()));
            return stored;
        }

        @Override
        public Optional<Customer> findByExternalId(ExternalId externalId) {
            CustomerId holder = firstHolder.get(externalId);
            Optional<Customer> found = holder == null ? Optional.empty() : inner.findById(holder);
            return found.isPresent() ? found : inner.findByExternalId(externalId);
        }
    }

    /** Lets its store's failures escape as they come: a plain Java exception instead of a CrmException. */
    static class PlainExceptions extends Delegating {
        volatile boolean broken;

        RuntimeException failure() {
            return new IllegalStateException("connection refused");
        }

        private void check() {
            if (broken) {
                throw failure();
            }
        }

        @Override
        public Customer save(Customer c) {
            check();
            return super.save(c);
        }

        @Override
        public Optional<Customer> findById(CustomerId id) {
            check();
            return super.findById(id);
        }

        @Override
        public void deleteById(CustomerId id) {
            check();
            super.deleteById(id);
        }

        @Override
        public long count() {
            check();
            return super.count();
        }

        @Override
        public Optional<Customer> findByExternalId(ExternalId externalId) {
            check();
            return super.findByExternalId(externalId);
        }

        @Override
        public List<Customer> findByContact(ContactAddress address) {
            check();
            return super.findByContact(address);
        }

        @Override
        public Page<Customer> findAll(PageRequest request) {
            check();
            return super.findAll(request);
        }
    }

    /** The same, but reporting failures as the SPI asks. */
    static final class CrmExceptions extends PlainExceptions {
        @Override
        RuntimeException failure() {
            return new CrmException("customer store unavailable: connection refused");
        }
    }

    /** Touchpoints whose history is served from an index of snapshots by customer. */
    abstract static class IndexedTouchpoints implements TouchpointRepository {
        final InMemoryTouchpointRepository inner = new InMemoryTouchpointRepository();

        @Override
        public Touchpoint save(Touchpoint t) {
            return inner.save(t);
        }

        @Override
        public Optional<Touchpoint> findById(TouchpointId id) {
            return inner.findById(id);
        }

        @Override
        public void deleteById(TouchpointId id) {
            inner.deleteById(id);
        }

        @Override
        public long count() {
            return inner.count();
        }

        /** Pages a full, ordered list by position: enough for these adapters' one mistake each. */
        static Page<Touchpoint> byPosition(List<Touchpoint> all, PageRequest request) {
            int from = request.after() == null ? 0 : Integer.parseInt(request.after());
            int to = Math.min(all.size(), from + request.size());
            return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
        }
    }

    /** Orders touchpoints by time only, so ties come in the order they were recorded. */
    static final class TiesInInsertionOrder extends IndexedTouchpoints {
        private final Map<TouchpointId, Long> recorded = new ConcurrentHashMap<>();
        private long next;

        @Override
        public synchronized Touchpoint save(Touchpoint t) {
            recorded.putIfAbsent(t.id(), next++);
            return super.save(t);
        }

        @Override
        public synchronized Page<Touchpoint> findByCustomer(CustomerId customer, TimeWindow window,
                PageRequest request) {
            List<Touchpoint> all = new ArrayList<>(inner.streamByCustomer(customer, window).toList());
            all.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(t -> recorded.get(t.id())));
            return byPosition(all, request);
        }
    }

    /** Adds each saved touchpoint to its customer's list and never takes one out, on delete or move. */
    static final class StaleCustomerIndex extends IndexedTouchpoints {
        private final Map<CustomerId, Map<TouchpointId, Touchpoint>> byCustomer = new ConcurrentHashMap<>();

        @Override
        public synchronized Touchpoint save(Touchpoint t) {
            Touchpoint stored = super.save(t);
            byCustomer.computeIfAbsent(t.customerId(), c -> new ConcurrentHashMap<>()).put(t.id(), stored);
            return stored;
        }

        @Override
        public synchronized Page<Touchpoint> findByCustomer(CustomerId customer, TimeWindow window,
                PageRequest request) {
            List<Touchpoint> all = byCustomer.getOrDefault(customer, Map.of()).values().stream()
                    .filter(t -> window.contains(t.occurredAt()))
                    .sorted(Comparator.comparing(Touchpoint::occurredAt).thenComparing(t -> t.id().value()))
                    .toList();
            return byPosition(all, request);
        }
    }

    // ---- The kit run against each: static nested classes, so that only this test starts them -------------------

    static final class LostUpdatesContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new LostUpdates();
        }
    }

    static final class RacyWritesContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new RacyWrites();
        }
    }

    static final class StaleContactIndexContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new StaleContactIndex();
        }
    }

    static final class GappyPagingContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new GappyPaging();
        }
    }

    static final class CappedPagesContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new CappedPages();
        }
    }

    static final class CaseInsensitiveIdsContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new CaseInsensitiveIds();
        }
    }

    static final class FirstHolderKeepsExternalIdContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new FirstHolderKeepsExternalId();
        }
    }

    static final class PlainExceptionsContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new PlainExceptions();
        }

        @Override
        protected void breakStore() {
            ((PlainExceptions) repository).broken = true;
        }
    }

    static final class CrmExceptionsContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new CrmExceptions();
        }

        @Override
        protected void breakStore() {
            ((PlainExceptions) repository).broken = true;
        }
    }

    static final class TiesInInsertionOrderContract extends TouchpointRepositoryContract {
        @Override
        protected TouchpointRepository createRepository() {
            return new TiesInInsertionOrder();
        }
    }

    static final class StaleCustomerIndexContract extends TouchpointRepositoryContract {
        @Override
        protected TouchpointRepository createRepository() {
            return new StaleCustomerIndex();
        }
    }

    static final class LostUpdatesProperties implements CustomerRepositoryProperties {
        @Override
        public CustomerRepository createRepository() {
            return new LostUpdates();
        }
    }

    static final class StaleContactIndexProperties implements CustomerRepositoryProperties {
        @Override
        public CustomerRepository createRepository() {
            return new StaleContactIndex();
        }
    }
}
