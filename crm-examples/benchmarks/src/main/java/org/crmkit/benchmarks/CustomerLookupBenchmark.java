package org.crmkit.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Customer lookups by id and by email on one thread (so the score is per core), through the in-memory store and
 * through the Caffeine decorator holding every profile; a bare {@code ConcurrentHashMap} lookup of the same keys
 * is the baseline. Keys are visited in a random order fixed by a seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class CustomerLookupBenchmark {
    /** How many profiles are stored. */
    @Param("100000")
    public int size;

    private CustomerRepository inMemory;
    private CustomerRepository cached;
    private final ConcurrentHashMap<CustomerId, Customer> bareMap = new ConcurrentHashMap<>();
    private CustomerId[] ids;
    private EmailAddress[] emails;

    /** Per-thread position in the key sequence. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int bound) {
            int i = next;
            next = i + 1 == bound ? 0 : i + 1;
            return i;
        }
    }

    /** Fills the stores and warms the caches with every key. */
    @Setup(Level.Trial)
    public void setUp() {
        InMemoryCustomerRepository store = new InMemoryCustomerRepository();
        ids = new CustomerId[size];
        emails = new EmailAddress[size];
        for (int n = 0; n < size; n++) {
            Customer c = TypicalProfiles.profile(n).withVersion(0);
            bareMap.put(c.id(), store.save(c));
        }
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            int n = random.nextInt(size);
            ids[i] = TypicalProfiles.id(n);
            emails[i] = TypicalProfiles.email(n);
        }
        inMemory = store;
        cached = CachingCustomerRepository.of(store, size * 2L);
        for (int i = 0; i < size; i++) {
            cached.findById(ids[i]);
            cached.findByContact(emails[i]);
        }
    }

    /** {@return the baseline: a bare concurrent map lookup by id} */
    @Benchmark
    public Customer baselineMapById(Cursor cursor) {
        return bareMap.get(ids[cursor.advance(size)]);
    }

    /** {@return a lookup by id in the in-memory store} */
    @Benchmark
    public Optional<Customer> inMemoryById(Cursor cursor) {
        return inMemory.findById(ids[cursor.advance(size)]);
    }

    /** {@return a lookup by id through the cache} */
    @Benchmark
    public Optional<Customer> cachedById(Cursor cursor) {
        return cached.findById(ids[cursor.advance(size)]);
    }

    /** {@return a lookup by email in the in-memory store} */
    @Benchmark
    public List<Customer> inMemoryByEmail(Cursor cursor) {
        return inMemory.findByContact(emails[cursor.advance(size)]);
    }

    /** {@return a lookup by email through the cache} */
    @Benchmark
    public List<Customer> cachedByEmail(Cursor cursor) {
        return cached.findByContact(emails[cursor.advance(size)]);
    }
}
