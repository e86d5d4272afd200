package org.crmkit.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.crmkit.core.Crm;
import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.Segment;
import org.crmkit.segmentation.rule.Subject;
import org.junit.jupiter.api.Test;

class CrmMetricsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CrmMetrics metrics = new CrmMetrics(registry);

    @Test
    void eventsAreCountedByTypeAndServiceLevelOutcomesByStandard() {
        Crm crm = Crm.builder().clock(MutableClock.at(T0)).listener(metrics.events()).build();
        Customer mei = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin")));
        crm.updateCustomer(mei.id(), c -> c.toBuilder().accountManager(StaffId.of("am-1")).build());
        StandardId reply = StandardId.of("first-reply");
        metrics.events().on(new CrmEvent.ServiceLevelWarning(mei.id(), "case-1", reply, 1, T0));
        metrics.events().on(new CrmEvent.ServiceLevelBreached(mei.id(), "case-1", reply, 1, T0));
        metrics.events().on(new CrmEvent.ServiceLevelBreached(mei.id(), "case-2", reply, 1, T0));

        assertEquals(1, registry.get("crmkit.events").tag("type", "customer-created").counter().count());
        assertEquals(1, registry.get("crmkit.events").tag("type", "customer-updated").counter().count());
        assertEquals(2, registry.get("crmkit.events").tag("type", "service-level-breached").counter().count());
        assertEquals(1, registry.get("crmkit.service.level").tags("outcome", "warning", "standard", "first-reply")
                .counter().count());
        assertEquals(2, registry.get("crmkit.service.level").tags("outcome", "breach", "standard", "first-reply")
                .counter().count());
    }

    @Test
    void postingsAndReversalsAreCountedWithThePointsTheyMoved() {
        Program program = Program.builder("store", "Store points", Currency.getInstance("USD"))
                .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).build()).tiers(Tier.base("member"))
                .build();
        Ledger ledger = Ledger.builder(program).clock(MutableClock.at(T0))
                .store(metrics.ledger(new InMemoryLedgerStore())).build();
        MemberNumber ann = ledger.enroll(MemberNumber.of("ANN-1"), CustomerId.of("ann")).number();
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("welcome"), 100, T0, "welcome", Source.system("t")));
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("welcome"), 100, T0, "welcome", Source.system("t")));
        ledger.post(new Posting.Adjust(ann, IdempotencyKey.of("fix"), -30, T0, "correction", Source.agent("a")));

        assertEquals(2, registry.get("crmkit.loyalty.postings").tag("kind", "adjustment").counter().count(),
                "the repeated posting is stored once and counted once");
        assertEquals(130, registry.get("crmkit.loyalty.points").tag("kind", "adjustment").counter().count());
        assertEquals(70, ledger.balance(ann));

        // A batch is appended at once: each of its entries is counted, a repeated batch not again.
        MemberNumber bob = ledger.enroll(MemberNumber.of("BOB-1"), CustomerId.of("bob")).number();
        List<Posting> batch = List.of(
                new Posting.Accrue(ann, IdempotencyKey.of("night-ann"), 5, false, T0, "nightly", Source.system("t")),
                new Posting.Accrue(bob, IdempotencyKey.of("night-bob"), 7, false, T0, "nightly", Source.system("t")));
        ledger.postAll(batch);
        ledger.postAll(batch);
        assertEquals(2, registry.get("crmkit.loyalty.postings").tag("kind", "accrual").counter().count());
        assertEquals(12, registry.get("crmkit.loyalty.points").tag("kind", "accrual").counter().count());
    }

    @Test
    void segmentEvaluationsAreTimedWithSubjectsAndMembers() {
        Crm crm = Crm.builder().clock(MutableClock.at(T0)).build();
        List<Subject> subjects = Stream.of("vip", "vip", "plain")
                .map(tag -> crm.createCustomer(b -> b.name(Name.person("A", "B")).tags(List.of(tag))))
                .map(c -> Subject.of(c, List.of(), T0)).toList();
        Segment vip = Segment.of("vip", "tagged vip", Facts.tags().contains("vip"));
        MembershipSnapshot snapshot = metrics.snapshot(vip.compile(FactCatalog.standard()), subjects.stream(), T0);

        assertEquals(2, snapshot.members().size());
        assertEquals(1, registry.get("crmkit.segment.evaluation").tag("segment", "vip").timer().count());
        assertEquals(3, registry.get("crmkit.segment.subjects").tag("segment", "vip").counter().count());
        assertEquals(2, registry.get("crmkit.segment.members").tag("segment", "vip").counter().count());
    }

    @Test
    void cacheStatisticsGoToTheRegistryThroughCaffeinesMeters() {
        CachingCustomerRepository cached = new CachingCustomerRepository(new InMemoryCustomerRepository(),
                metrics.cache("customers", 1_000));
        Crm crm = Crm.builder().clock(MutableClock.at(T0)).customers(cached).build();
        Customer mei = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin")));
        cached.invalidateAll();
        crm.customers().findById(mei.id());
        crm.customers().findById(mei.id());

        double hits = registry.get("cache.gets").tags("cache", "customers", "result", "hit").counter().count();
        double misses = registry.get("cache.gets").tags("cache", "customers", "result", "miss").counter().count();
        assertEquals(1, hits, "the second read after the invalidation");
        assertEquals(cached.stats().missCount(), (long) misses);
        assertEquals(cached.stats().hitCount(), (long) hits);
    }
}
