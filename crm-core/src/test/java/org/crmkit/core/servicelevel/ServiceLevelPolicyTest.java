package org.crmkit.core.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crmkit.core.Crm;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Pages;
import org.junit.jupiter.api.Test;

class ServiceLevelPolicyTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final CaseCategory FAULT = CaseCategory.of("fault");
    private static final ServiceLevelStandard FIX = ServiceLevelStandard.builder().id(StandardId.of("fix"))
            .name("Fix").startOn("open").stopOn("resolved").target(Duration.ofHours(24)).build();
    private static final ServiceLevelStandard REPLY = ServiceLevelStandard.builder().id(StandardId.of("reply"))
            .name("Reply").startOn("open").stopOn("in-progress").target(Duration.ofHours(4)).build();

    private final MutableClock clock = MutableClock.at(T0);
    private final Crm crm = Crm.builder().clock(clock).build();
    private final CustomerId customer = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee"))).id();

    private Duration targetOf(ServiceLevels levels, String id, Lane lane, Priority priority, StandardId standard) {
        crm.openCase(ServiceCase.open(CaseId.of(id), customer, FAULT, lane, priority, "Line down", T0, null));
        return levels.status(ItemKey.of(CaseId.of(id))).orElseThrow().reading(standard).target();
    }

    @Test
    void aPrioritysTargetWinsOverALanes_andEveryMetricOfThePolicyIsRead() {
        ServiceLevels levels = ServiceLevels.builder(crm).policy(ServiceLevelPolicy.of("faults", Selector.cases(FAULT),
                ServiceLevelPolicy.Metric.of(FIX).target(Lane.RED, Duration.ofHours(4))
                        .target(Priority.URGENT, Duration.ofHours(2)),
                ServiceLevelPolicy.Metric.of(REPLY))).attach();
        assertEquals(Duration.ofHours(24), targetOf(levels, "c-green", Lane.GREEN, Priority.NORMAL, FIX.id()));
        assertEquals(Duration.ofHours(4), targetOf(levels, "c-red", Lane.RED, Priority.NORMAL, FIX.id()));
        assertEquals(Duration.ofHours(2), targetOf(levels, "c-red-urgent", Lane.RED, Priority.URGENT, FIX.id()));
        assertEquals(Duration.ofHours(4), levels.status(ItemKey.of(CaseId.of("c-red-urgent"))).orElseThrow()
                .reading(REPLY.id()).target());
    }

    @Test
    void theFirstPolicyWhoseConditionHoldsApplies() {
        ServiceLevels levels = ServiceLevels.builder(crm)
                .policy(ServiceLevelPolicy.of("red faults", new Selector(Set.of(), Set.of(FAULT), Set.of(Lane.RED)),
                        ServiceLevelPolicy.Metric.of(REPLY)))
                .policy(ServiceLevelPolicy.of("faults", Selector.cases(FAULT), ServiceLevelPolicy.Metric.of(FIX)))
                .attach();
        assertEquals(Duration.ofHours(4), targetOf(levels, "c-1", Lane.RED, Priority.LOW, REPLY.id()));
        assertEquals(Duration.ofHours(24), targetOf(levels, "c-2", Lane.GREEN, Priority.LOW, FIX.id()));
        assertEquals("faults", levels.status(ItemKey.of(CaseId.of("c-2"))).orElseThrow().policy().name());
    }

    @Test
    void thePeriodicCheckWalksEveryPageOfOpenItems_andBreachesEachOnce() {
        List<CrmEvent> breaches = new ArrayList<>();
        Crm big = Crm.builder().clock(clock).listener(e -> {
            if (e instanceof CrmEvent.ServiceLevelBreached) {
                breaches.add(e);
            }
        }).build();
        CustomerId owner = big.createCustomer(b -> b.name(Name.person("Ann", "Lee"))).id();
        ServiceLevels levels = ServiceLevels.builder(big).policy(ServiceLevelPolicy.of("faults", Selector.cases(FAULT),
                ServiceLevelPolicy.Metric.of(FIX))).attach();
        int cases = 2 * Pages.STREAM_PAGE_SIZE + 201;
        for (int i = 0; i < cases; i++) {
            big.openCase(ServiceCase.open(CaseId.of("c-" + i), owner, FAULT, Lane.GREEN, Priority.NORMAL,
                    "Line down", T0, null));
        }
        clock.advance(Duration.ofHours(25));
        assertEquals(cases, levels.checkOpen());
        assertEquals(cases, breaches.stream().map(e -> ((CrmEvent.ServiceLevelBreached) e).itemId()).distinct()
                .count());
        assertEquals(cases, levels.checkOpen(), "the breached cases are still open");
        assertEquals(cases, breaches.size(), "a second check published again");
    }

    @Test
    void badPoliciesAreRefusedNamingWhatIsWrong() {
        ServiceLevelStandard accuracy = ServiceLevelStandard.builder().id(StandardId.of("right")).name("Right")
                .dimension(Dimension.ACCURACY).startOn("done").defectOn("redo").build();
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> ServiceLevelPolicy.Metric.of(accuracy).target(Lane.RED, Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("accuracy standard right takes no target per lane"), e.getMessage());
        e = assertThrows(RuleViolationException.class,
                () -> ServiceLevelPolicy.Metric.of(FIX).target(Priority.HIGH, Duration.ZERO));
        assertTrue(e.getMessage().contains("target for priority HIGH of standard fix must be a positive duration"),
                e.getMessage());
        e = assertThrows(RuleViolationException.class, () -> ServiceLevelPolicy.of("twice", Selector.ANY,
                ServiceLevelPolicy.Metric.of(FIX), ServiceLevelPolicy.Metric.of(FIX)));
        assertTrue(e.getMessage().contains("policy twice measures standard fix twice"), e.getMessage());
        ServiceLevels.Builder twoNamedAlike = ServiceLevels.builder(crm)
                .policy(ServiceLevelPolicy.of("p", Selector.ANY, ServiceLevelPolicy.Metric.of(FIX)))
                .policy(ServiceLevelPolicy.of("p", Selector.ANY, ServiceLevelPolicy.Metric.of(REPLY)));
        e = assertThrows(RuleViolationException.class, twoNamedAlike::build);
        assertEquals("policy names must be unique: p", e.getMessage());
        e = assertThrows(RuleViolationException.class, () -> ServiceLevelStandard.builder().id(StandardId.of("u"))
                .name("Updates").startOn("reply").stopOn("reply").target(Duration.ofHours(1)).build());
        assertTrue(e.getMessage().contains("'reply' in both stopOn and startOn"), e.getMessage());
        assertEquals(Set.of("reply"), ServiceLevelStandard.builder().id(StandardId.of("u")).name("Updates")
                .startOn("reply").stopOn("reply").target(Duration.ofHours(1)).cycles(CycleMode.RESTART).build()
                .startOn(), "a periodic update starts and stops on one event in restart mode");
    }
}
