package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.DeliveryListener;
import org.crmkit.core.event.StoredEvent;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.ClockEvent;
import org.crmkit.core.servicelevel.ClockState;
import org.crmkit.core.servicelevel.CycleMode;
import org.crmkit.core.servicelevel.EscalationStep;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.servicelevel.ItemStatus;
import org.crmkit.core.servicelevel.Selector;
import org.crmkit.core.servicelevel.ServiceLevelPolicy;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.ServiceLevels;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.OutboxStore;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.spi.Transactions;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Service levels and the outbox end to end over an adapter's stores: from a recorded touchpoint or status change to
 * the published event, across a restart (a new node over the same storage) and with two nodes at once, no event
 * lost or published twice. An adapter's test extends this class and implements {@link #createStorage()} and
 * {@link #node()}.
 */
public abstract class ServiceLevelFlowContract {
    private static final Instant T = Instant.parse("2026-02-02T09:00:00Z");
    private static final CaseCategory BILLING = CaseCategory.of("billing");
    private static final ServiceLevelStandard FIRST_REPLY = ServiceLevelStandard.builder()
            .id(StandardId.of("first-reply")).name("First reply").startOn("open").stopOn("in-progress")
            .target(Duration.ofHours(4)).warnAt(0.5)
            .escalation(List.of(new EscalationStep(Duration.ofMinutes(45), "call-the-lead"))).build();
    private static final ServiceLevelPolicy BILLING_POLICY = ServiceLevelPolicy.of("billing", Selector.cases(BILLING),
            ServiceLevelPolicy.Metric.of(FIRST_REPLY).target(Priority.HIGH, Duration.ofHours(1)));
    private static final ServiceLevelStandard CAR_READY = ServiceLevelStandard.builder()
            .id(StandardId.of("car-ready")).name("Car ready").startOn("booking").stopOn("car-at-stall")
            .target(Duration.ofHours(2)).warnAt(0.9).build();
    private static final ServiceLevelStandard PERIODIC_UPDATE = ServiceLevelStandard.builder()
            .id(StandardId.of("periodic-update")).name("An update every hour").startOn("inquiry", "reply")
            .stopOn("reply").target(Duration.ofHours(1)).cycles(CycleMode.RESTART).build();

    private final MutableClock clock = MutableClock.at(T);
    private final List<StoredEvent> heard = Collections.synchronizedList(new ArrayList<>());
    private Customer customer;

    /** For adapters' tests. */
    protected ServiceLevelFlowContract() {
    }

    /**
     * One node's view of the shared storage: what a host process opens at start-up.
     *
     * @param customers profiles
     * @param touchpoints touchpoints
     * @param cases service cases
     * @param clocks measured items' clocks
     * @param outbox pending events
     * @param transactions the transactions the stores join
     */
    public record Node(CustomerRepository customers, TouchpointRepository touchpoints, ServiceCaseRepository cases,
                          ClockStore clocks, OutboxStore outbox, Transactions transactions) {
    }

    /** Makes fresh, empty storage for one test. */
    protected abstract void createStorage();

    /** {@return a new node over the storage {@link #createStorage()} made: a restart, or another machine} */
    protected abstract Node node();

    /** A host process: the facade and the service levels on one node. */
    private record Host(Node node, Crm crm, ServiceLevels levels) {
    }

    /** Fails after the transaction committed, as a process killed before delivering would. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the process died after the commit");
        }
    }

    private Host start(Supplier<Boolean> crashAfterCommit) {
        Node n = node();
        Transactions tx = new Transactions() {
            @Override
            public <R> R inTransaction(Supplier<R> work) {
                R result = n.transactions().inTransaction(work);
                if (crashAfterCommit.get()) {
                    throw new Crash();
                }
                return result;
            }
        };
        DeliveryListener listener = delivery -> {
            CrmEvent e = delivery.event();
            if (e instanceof CrmEvent.ServiceLevelWarning || e instanceof CrmEvent.ServiceLevelBreached
                    || e instanceof CrmEvent.EscalationStepReached || e instanceof CrmEvent.TouchpointRecorded) {
                heard.add(delivery);
            }
        };
        Crm crm = Crm.builder().customers(n.customers()).touchpoints(n.touchpoints()).cases(n.cases()).clock(clock)
                .outbox(n.outbox()).transactions(tx).listener(listener).build();
        ServiceLevels levels = ServiceLevels.builder(crm).store(n.clocks()).policy(BILLING_POLICY)
                .policy(ServiceLevelPolicy.of("car", Selector.touchpoints(TouchpointKind.BOOKING),
                        ServiceLevelPolicy.Metric.of(CAR_READY)))
                .policy(ServiceLevelPolicy.of("updates", Selector.touchpoints(TouchpointKind.INQUIRY),
                        ServiceLevelPolicy.Metric.of(PERIODIC_UPDATE)))
                .attach();
        return new Host(n, crm, levels);
    }

    private Host start() {
        return start(() -> false);
    }

    @BeforeEach
    final void freshStorage() {
        createStorage();
        customer = start().crm().create(ContractFixtures.customer(1));
    }

    private List<String> heardKinds() {
        List<String> out = new ArrayList<>();
        synchronized (heard) {
            for (StoredEvent e : heard) {
                CrmEvent x = e.event();
                if (x instanceof CrmEvent.ServiceLevelWarning w) {
                    out.add("warning " + w.standardId() + " at " + w.at());
                } else if (x instanceof CrmEvent.ServiceLevelBreached b) {
                    out.add("breach " + b.standardId() + " at " + b.at());
                } else if (x instanceof CrmEvent.EscalationStepReached s) {
                    out.add("step " + s.action() + " at " + s.at());
                }
            }
        }
        return out;
    }

    private ServiceCase openCase(Host host, String id, Priority priority) {
        return host.crm().openCase(ServiceCase.open(CaseId.of(id), customer.id(), BILLING, Lane.GREEN, priority,
                "Charged twice", clock.instant(), null));
    }

    private Touchpoint touchpoint(String id, TouchpointKind kind, TouchpointId relatedTo) {
        return Touchpoint.builder().id(TouchpointId.of(id)).customerId(customer.id()).occurredAt(clock.instant())
                .channel(Channel.PHONE).direction(Direction.INBOUND).kind(kind).relatedTo(relatedTo).build();
    }

    private static void together(Runnable a, Runnable b) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            await(start);
            a.run();
        });
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            await(start);
            b.run();
        });
        first.join();
        second.join();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a case's warning, escalation step and breach are each published once, across a restart and by two"
            + " nodes checking at once; the resolved case is released")
    void caseThresholdsOnceAcrossRestartAndNodes() {
        Host a = start();
        openCase(a, "case-flow-1", Priority.HIGH);
        clock.advance(Duration.ofMinutes(40));
        a.levels().checkOpen();
        a.levels().checkOpen();
        assertEquals(List.of("warning first-reply at " + T.plus(Duration.ofMinutes(30))), heardKinds());
        Host b = start();
        b.levels().checkOpen();
        assertEquals(1, heardKinds().size(), "the restarted node published again: " + heardKinds());
        clock.advance(Duration.ofMinutes(30));
        Host c = start();
        for (int round = 0; round < 3; round++) {
            together(() -> b.levels().checkOpen(), () -> c.levels().checkOpen());
        }
        assertEquals(List.of("warning first-reply at " + T.plus(Duration.ofMinutes(30)),
                "step call-the-lead at " + T.plus(Duration.ofMinutes(45)),
                "breach first-reply at " + T.plus(Duration.ofHours(1))), heardKinds());
        assertEquals(3, heard.stream().map(StoredEvent::id).distinct().count());
        b.crm().updateCase(CaseId.of("case-flow-1"),
                x -> x.transition(CaseStatus.IN_PROGRESS, clock.instant(), null, null));
        ItemStatus done = b.levels().status(ItemKey.of(CaseId.of("case-flow-1"))).orElseThrow();
        assertTrue(done.item().released());
        assertEquals(ClockState.BREACHED, done.reading(FIRST_REPLY.id()).state());
        assertEquals(List.of(), b.node().clocks().findOpen(PageRequest.first(10)).items());
        assertEquals(3, heardKinds().size());
    }

    @Test
    @DisplayName("a case whose priority rises is measured against the new target over the same history")
    void priorityChangeSelectsAgain() {
        Host a = start();
        openCase(a, "case-flow-2", Priority.NORMAL);
        clock.advance(Duration.ofMinutes(90));
        a.levels().checkOpen();
        assertEquals(List.of("step call-the-lead at " + T.plus(Duration.ofMinutes(45))), heardKinds());
        a.crm().updateCase(CaseId.of("case-flow-2"), x -> x.toBuilder().priority(Priority.HIGH).build());
        start().levels().checkOpen();
        assertEquals(List.of("step call-the-lead at " + T.plus(Duration.ofMinutes(45)),
                "warning first-reply at " + T.plus(Duration.ofMinutes(30)),
                "breach first-reply at " + T.plus(Duration.ofHours(1))), heardKinds());
        assertEquals(Duration.ofHours(1), a.levels().status(ItemKey.of(CaseId.of("case-flow-2"))).orElseThrow()
                .reading(FIRST_REPLY.id()).target());
    }

    @Test
    @DisplayName("a booking's clock follows the flight feed's moves and stops at the related touchpoint; touchpoints"
            + " no policy measures are not stored")
    void touchpointFlow() {
        Host a = start();
        Touchpoint booking = a.crm().recordTouchpoint(touchpoint("tp-booking", TouchpointKind.BOOKING, null));
        ItemKey key = ItemKey.of(booking.id());
        a.levels().record(key, customer.id(), List.of(ClockEvent.dueMoved(clock.instant(),
                T.plus(Duration.ofHours(3)))));
        a.crm().recordTouchpoint(touchpoint("tp-purchase", TouchpointKind.PURCHASE, null));
        assertEquals(1, a.node().clocks().count(), "a purchase no policy measures was stored");
        clock.advance(Duration.ofMinutes(150));
        Host b = start();
        b.levels().checkOpen();
        assertEquals(List.of(), heardKinds(), "a threshold was crossed before the moved due time's warning");
        clock.advance(Duration.ofMinutes(20));
        b.crm().recordTouchpoint(touchpoint("tp-car-ready", TouchpointKind.of("car-at-stall"), booking.id()));
        ItemStatus status = b.levels().status(key).orElseThrow();
        assertTrue(status.item().released());
        assertEquals(ClockState.MET, status.reading(CAR_READY.id()).state());
        assertEquals(List.of("warning car-ready at " + T.plus(Duration.ofMinutes(162))), heardKinds());
    }

    @Test
    @DisplayName("a periodic-update metric measures each gap between replies; an earlier gap's breach is published"
            + " once and stays visible")
    void periodicUpdate() {
        Host a = start();
        Touchpoint inquiry = a.crm().recordTouchpoint(touchpoint("tp-inquiry", TouchpointKind.INQUIRY, null));
        int n = 0;
        for (int minutes : new int[] {30, 120, 140}) {
            clock.set(T.plus(Duration.ofMinutes(minutes)));
            a.crm().recordTouchpoint(touchpoint("tp-reply-" + n++, TouchpointKind.of("reply"), inquiry.id()));
        }
        start().levels().checkOpen();
        assertEquals(List.of("breach periodic-update at " + T.plus(Duration.ofMinutes(90))), heardKinds());
        ItemStatus status = a.levels().status(ItemKey.of(inquiry.id())).orElseThrow();
        assertEquals(Map.of(2, T.plus(Duration.ofMinutes(90))), status.reading(PERIODIC_UPDATE.id())
                .earlierBreaches());
        assertEquals(ClockState.RUNNING, status.reading(PERIODIC_UPDATE.id()).state());
        assertFalse(status.reading(PERIODIC_UPDATE.id()).withinStandard());
    }

    @Test
    @DisplayName("a merged duplicate's items follow the survivor; an erased customer's items are deleted")
    void mergeAndErasure() {
        Host a = start();
        Customer duplicate = a.crm().create(ContractFixtures.customer(2));
        a.crm().openCase(ServiceCase.open(CaseId.of("case-flow-4"), duplicate.id(), BILLING, Lane.GREEN,
                Priority.HIGH, "Charged twice", clock.instant(), null));
        openCase(a, "case-flow-5", Priority.NORMAL);
        a.crm().merge(customer.id(), duplicate.id());
        ClockStore clocks = a.node().clocks();
        assertEquals(List.of(), clocks.findByCustomer(duplicate.id(), PageRequest.first(10)).items());
        assertEquals(2, clocks.findByCustomer(customer.id(), PageRequest.first(10)).items().size());
        clock.advance(Duration.ofMinutes(40));
        start().levels().checkOpen();
        assertEquals(List.of(customer.id()), heard.stream().map(e -> e.event().customerId()).distinct().toList());
        a.crm().erase(customer.id());
        assertEquals(0, clocks.count(), "the erased customer's items were kept");
        clock.advance(Duration.ofHours(5));
        start().levels().checkOpen();
        assertEquals(1, heardKinds().size(), "an erased customer's item was still checked: " + heardKinds());
    }

    @Test
    @DisplayName("events of a write committed by a node that died before delivering are delivered once, by the"
            + " next node, with their ids; a breach it marked is not published again")
    void crashBetweenCommitAndDelivery() {
        boolean[] crash = {false};
        Host a = start(() -> crash[0]);
        openCase(a, "case-flow-3", Priority.HIGH);
        clock.advance(Duration.ofMinutes(70));
        crash[0] = true;
        assertThrows(Crash.class, () -> a.levels().checkOpen());
        assertThrows(Crash.class, () -> a.crm().recordTouchpoint(touchpoint("tp-crash", TouchpointKind.VISIT,
                null)));
        assertEquals(List.of(), heardKinds());
        assertTrue(a.node().touchpoints().findById(TouchpointId.of("tp-crash")).isPresent(), "the write was lost");
        Host b = start();
        b.levels().checkOpen();
        assertEquals(List.of(), heardKinds(), "the marked thresholds were published again");
        assertEquals(4, b.crm().outbox().deliverPending());
        assertEquals(0, start().crm().outbox().deliverPending());
        assertEquals(List.of("warning first-reply at " + T.plus(Duration.ofMinutes(30)),
                "step call-the-lead at " + T.plus(Duration.ofMinutes(45)),
                "breach first-reply at " + T.plus(Duration.ofHours(1))), heardKinds());
        assertEquals(4, heard.size());
        assertTrue(heard.get(3).event() instanceof CrmEvent.TouchpointRecorded);
    }
}
