package org.crmkit.micrometer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineStatsCounter;

import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.ForwardingLedgerStore;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.segmentation.rule.CompiledSegment;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.Subject;

/**
 * crmkit's meters on a host's Micrometer registry. Wire each piece where it applies:
 *
 * <pre>{@code
 * CrmMetrics metrics = new CrmMetrics(registry);
 * Crm crm = Crm.builder().listener(metrics.events())                       // service levels, all events
 *         .customers(new CachingCustomerRepository(stores.customers(), metrics.cache("customers", 100_000)))
 *         .build();
 * Ledger ledger = Ledger.builder(program).store(metrics.ledger(stores.ledger())).build();   // postings
 * MembershipSnapshot vip = metrics.snapshot(segment, subjects, now);        // segment evaluations
 * }</pre>
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>kind</th><th>tags</th></tr>
 * <tr><td>{@code crmkit.events}</td><td>counter</td><td>{@code type}: the event's JSON type, such as
 *     {@code service-level-breached}</td></tr>
 * <tr><td>{@code crmkit.service.level}</td><td>counter</td><td>{@code outcome}: {@code warning}, {@code breach}
 *     or {@code escalation}; {@code standard}</td></tr>
 * <tr><td>{@code crmkit.loyalty.postings}</td><td>counter</td><td>{@code kind}: {@code accrual}, {@code pending},
 *     {@code redemption}, {@code expiry}, {@code adjustment}, {@code reversal}</td></tr>
 * <tr><td>{@code crmkit.loyalty.points}</td><td>counter</td><td>{@code kind}; the points each kind moved, as a
 *     magnitude</td></tr>
 * <tr><td>{@code crmkit.segment.evaluation}</td><td>timer</td><td>{@code segment}; one sample per snapshot</td></tr>
 * <tr><td>{@code crmkit.segment.subjects}, {@code crmkit.segment.members}</td><td>counters</td>
 *     <td>{@code segment}</td></tr>
 * <tr><td>{@code cache.*}</td><td>Micrometer's Caffeine meters</td><td>{@code cache}: the name given</td></tr>
 * </table>
 *
 * <p>Thread-safe: every piece may be used from many threads.
 */
public final class CrmMetrics {
    private final MeterRegistry registry;

    /**
     * Binds to a registry.
     *
     * @param registry the host's registry
     */
    public CrmMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** {@return a listener for {@code Crm.builder().listener(...)} counting every event and service-level outcome} */
    public CrmEventListener events() {
        return event -> {
            registry.counter("crmkit.events", "type", typeOf(event)).increment();
            if (event instanceof CrmEvent.ServiceLevelWarning w) {
                serviceLevel("warning", w.standardId().value());
            } else if (event instanceof CrmEvent.ServiceLevelBreached b) {
                serviceLevel("breach", b.standardId().value());
            } else if (event instanceof CrmEvent.EscalationStepReached e) {
                serviceLevel("escalation", e.standardId().value());
            }
        };
    }

    /**
     * A ledger store that counts what is posted to it, by kind of entry.
     *
     * @param delegate the store that keeps the entries
     * @return the counting store
     */
    public LedgerStore ledger(LedgerStore delegate) {
        return new CountingLedgerStore(Objects.requireNonNull(delegate, "delegate"));
    }

    /**
     * Evaluates a segment over subjects, timing the run and counting the subjects seen and the members found.
     *
     * @param segment the compiled segment
     * @param subjects the customers, each made for {@code at}
     * @param at the instant
     * @return the snapshot, as {@link CompiledSegment#snapshot} gives it
     */
    public MembershipSnapshot snapshot(CompiledSegment segment, Stream<Subject> subjects, Instant at) {
        String name = segment.segment().name();
        AtomicLong seen = new AtomicLong();
        Timer timer = registry.timer("crmkit.segment.evaluation", "segment", name);
        MembershipSnapshot snapshot = timer.record(() -> segment.snapshot(subjects.peek(s -> seen.incrementAndGet()),
                at));
        registry.counter("crmkit.segment.subjects", "segment", name).increment(seen.get());
        registry.counter("crmkit.segment.members", "segment", name).increment(snapshot.members().size());
        return snapshot;
    }

    /**
     * A cache specification whose statistics go to the registry under Micrometer's Caffeine meters, for crm-core's
     * caching repositories.
     *
     * @param name the cache's name, the {@code cache} tag
     * @param maximumSize the most entries kept
     * @return the specification
     */
    public Caffeine<Object, Object> cache(String name, long maximumSize) {
        Objects.requireNonNull(name, "name");
        return Caffeine.newBuilder().maximumSize(maximumSize).recordStats(() -> new CaffeineStatsCounter(registry,
                name));
    }

    private void serviceLevel(String outcome, String standard) {
        registry.counter("crmkit.service.level", "outcome", outcome, "standard", standard).increment();
    }

    private static String typeOf(CrmEvent event) {
        // The event's JSON type name: the record's simple name in the spelling of every other crmkit name.
        return kebab(event.getClass().getSimpleName());
    }

    private static String kebab(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Counts entries as they are appended; everything else goes straight to the delegate. */
    private final class CountingLedgerStore extends ForwardingLedgerStore {
        CountingLedgerStore(LedgerStore delegate) {
            super(delegate);
        }

        @Override
        public void append(LedgerEntry entry) {
            super.append(entry);
            count(entry);
        }

        @Override
        public void appendAll(List<LedgerEntry> entries) {
            super.appendAll(entries);
            entries.forEach(this::count);
        }

        @Override
        public void appendAll(List<LedgerEntry> entries, Map<MemberNumber, Long> memberVersions) {
            super.appendAll(entries, memberVersions);
            entries.forEach(this::count);
        }

        private void count(LedgerEntry entry) {
            String kind = kebab(entry.getClass().getSimpleName());
            Counter.builder("crmkit.loyalty.postings").tag("kind", kind).register(registry).increment();
            Counter.builder("crmkit.loyalty.points").tag("kind", kind).register(registry)
                    .increment(Math.abs((double) entry.delta()));
        }
    }
}
