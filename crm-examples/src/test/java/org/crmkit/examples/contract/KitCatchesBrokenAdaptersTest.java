package org.crmkit.examples.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ForwardingCustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The kit must fail adapters that break a promise; each broken adapter below breaks one. */
class KitCatchesBrokenAdaptersTest {

    /** Writes whatever it is given, ignoring versions: the last writer wins and updates are lost. */
    static final class LostUpdates extends Delegating {
        @Override
        public Customer save(Customer c) {
            long stored = inner.findById(c.id()).map(Customer::version).orElse(0L);
            return inner.save(c.withVersion(stored));
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

    /** Kit runs against each broken adapter. Static nested classes, so only this test starts them. */
    static final class LostUpdatesContract extends CustomerRepositoryContract {
        @Override
        protected CustomerRepository createRepository() {
            return new LostUpdates();
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

    private static long failures(String engine, Class<?> kit) {
        EngineExecutionResults results = EngineTestKit.engine(engine).selectors(selectClass(kit)).execute();
        return results.testEvents().failed().count();
    }

    @Test
    void lostUpdatesFailTheStaleWriteAndConcurrencyTests() {
        assertTrue(failures("junit-jupiter", LostUpdatesContract.class) >= 4);
        assertTrue(failures("jqwik", LostUpdatesProperties.class) >= 1);
    }

    @Test
    void aStaleContactIndexFailsTheLookupTests() {
        assertTrue(failures("junit-jupiter", StaleContactIndexContract.class) >= 1);
        assertTrue(failures("jqwik", StaleContactIndexProperties.class) >= 1);
    }

    @Test
    void gappyPagingFailsThePagingTests() {
        assertTrue(failures("junit-jupiter", GappyPagingContract.class) >= 3);
    }

    @Test
    void theInMemoryRepositoryPassesTheSameKit() {
        assertTrue(failures("junit-jupiter", InMemoryCustomerRepositoryContractTest.class) == 0);
    }

    /** Forwards everything to an in-memory repository. */
    abstract static class Delegating extends ForwardingCustomerRepository {
        final InMemoryCustomerRepository inner = new InMemoryCustomerRepository();

        @Override
        protected CustomerRepository delegate() {
            return inner;
        }
    }
}
