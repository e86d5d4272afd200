package org.crmkit.core.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceLevelReportTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TimeWindow JANUARY = TimeWindow.between(T0, Instant.parse("2026-02-01T00:00:00Z"));

    private static final ServiceLevelStandard ISSUE = ServiceLevelStandard.builder().id(StandardId.of("issue"))
            .name("Card issuing").startOn("requested").stopOn("delivered").target(Duration.ofDays(5)).goal(0.9)
            .worth(new UnitWorth(Money.of("0.33", "USD"), Duration.ofDays(1))).build();

    private static ClockReading item(long startHour, Long hours) {
        Instant start = T0.plus(Duration.ofHours(startHour));
        List<ClockEvent> events = new ArrayList<>(List.of(ClockEvent.of("requested", start)));
        if (hours != null) {
            events.add(ClockEvent.of("delivered", start.plus(Duration.ofHours(hours))));
        }
        return ServiceLevelClock.read(ISSUE, events, T0.plus(Duration.ofDays(60)));
    }

    @Test
    void countsPercentilesAndCompliance() {
        List<ClockReading> readings = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            readings.add(item(i, (long) i * 12)); // 0.5 to 10 days
        }
        readings.add(item(100, null));            // still open after 60 days: breached
        readings.add(item(24 * 40, 10L));          // started in February: not in the report
        ServiceLevelReport r = ServiceLevelReport.of(ISSUE, JANUARY, readings);
        assertEquals(21, r.items());
        assertEquals(10, r.met());
        assertEquals(11, r.breached());
        assertEquals(0, r.open());
        assertEquals(10.0 / 21, r.compliance(), 1e-12);
        assertFalse(r.goalMet());
        assertEquals(Duration.ofHours(120), r.p50());
        assertEquals(Duration.ofHours(216), r.p90());
        assertEquals(Duration.ofHours(228), r.p95());
        assertEquals(Duration.ofHours(240), r.max());
        assertEquals(11.0 / 21 * 1e6, r.dpmo(), 1e-6);
    }

    @Test
    void sigmaLevels_matchTheUsualTable() {
        assertEquals(6.0, Sigma.level(3.4), 0.01);
        assertEquals(3.0, Sigma.level(66_807), 0.01);
        assertEquals(4.0, Sigma.level(6_210), 0.01);
        assertEquals(Sigma.NO_DEFECTS, Sigma.level(0), 0.0);
        assertTrue(Double.isFinite(Sigma.level(1_000_000)), "every item failed: still a number for JSON");
    }

    @Test
    @DisplayName("C6: five steps at 99% each give a rolled throughput yield of 95%, a 5% defect rate overall")
    void rolledThroughputYield() {
        ServiceLevelStandard step = ServiceLevelStandard.builder().id(StandardId.of("step")).name("Step")
                .dimension(Dimension.ACCURACY).startOn("handled").defectOn("complaint").maxDefectRate(0.01).build();
        List<ClockReading> readings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<ClockEvent> events = new ArrayList<>(List.of(ClockEvent.of("handled", T0.plusSeconds(i))));
            if (i == 0) {
                events.add(ClockEvent.of("complaint", T0.plusSeconds(i + 1)));
            }
            readings.add(ServiceLevelClock.read(step, events, T0.plus(Duration.ofDays(1))));
        }
        ServiceLevelReport one = ServiceLevelReport.of(step, JANUARY, readings);
        assertEquals(0.99, one.firstPassYield(), 1e-12);
        assertTrue(one.goalMet(), "1% defects is at the maximum");
        assertEquals(10_000, one.dpmo(), 1e-9);
        assertEquals(Math.pow(0.99, 5), ServiceLevelReport.rolledThroughputYield(List.of(one, one, one, one, one)),
                1e-12);
    }

    @Test
    void aComparisonValuesTheMedianSaving() {
        List<ClockReading> before = new ArrayList<>();
        List<ClockReading> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(item(i, 24L * (13 + i)));           // median 15 days
            after.add(item(24 * 35 + i, 24L * i));          // median 2 days, in February
        }
        ServiceLevelReport jan = ServiceLevelReport.of(ISSUE, JANUARY, before);
        ServiceLevelReport feb = ServiceLevelReport.of(ISSUE, TimeWindow.between(JANUARY.until(),
                Instant.parse("2026-03-01T00:00:00Z")), after);
        Comparison c = Comparison.of(ISSUE, jan, feb);
        assertEquals(Duration.ofDays(13), c.medianSaved());
        assertEquals(Money.of("4.29", "USD"), c.worthPerItem());
        assertEquals(Money.of("21.45", "USD"), c.worthOverAfterPeriod());
        assertEquals(Money.of("17503200.00", "USD"), c.worthAt(4_080_000));
        assertEquals(c, CrmJson.read(CrmJson.write(c), Comparison.class));
        assertEquals(jan, CrmJson.read(CrmJson.write(jan), ServiceLevelReport.class));
        for (ClockReading r : before) {
            assertEquals(r, CrmJson.read(CrmJson.write(r), ClockReading.class));
        }
    }

    @Test
    void eachCrossingIsPublishedOnce_stampedWithWhenItHappened_inThatOrder() {
        ServiceLevelStandard waiting = ServiceLevelStandard.builder().id(StandardId.of("wait")).name("Wait")
                .startOn("seated").stopOn("served").target(Duration.ofMinutes(10))
                .escalation(List.of(new EscalationStep(Duration.ofMinutes(2), "take-order"))).build();
        List<CrmEvent> published = new ArrayList<>();
        MutableClock clock = MutableClock.at(T0);
        Crm crm = Crm.builder().clock(clock).listener(e -> {
            if (e instanceof CrmEvent.ServiceLevelWarning || e instanceof CrmEvent.ServiceLevelBreached
                    || e instanceof CrmEvent.EscalationStepReached) {
                published.add(e);
            }
        }).build();
        ServiceLevels levels = ServiceLevels.builder(crm)
                .mapping(ClockMapping.standard().touchpoints(t -> List.of(ClockEvent.of("seated", t.occurredAt()))))
                .policy(ServiceLevelPolicy.of("tables", Selector.touchpoints(TouchpointKind.VISIT),
                        ServiceLevelPolicy.Metric.of(waiting)))
                .attach();
        CustomerId guest = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))).id();
        crm.recordTouchpoint(Touchpoint.builder().id(TouchpointId.of("table-7")).customerId(guest).occurredAt(T0)
                .channel(Channel.COUNTER).direction(Direction.INBOUND).kind(TouchpointKind.VISIT).build());
        for (int minute : new int[] {1, 3, 5, 9, 12, 15}) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            levels.checkOpen();
        }
        assertEquals(List.of(
                new CrmEvent.EscalationStepReached(guest, "table-7", waiting.id(), 1, "take-order",
                        T0.plus(Duration.ofMinutes(2))),
                new CrmEvent.ServiceLevelWarning(guest, "table-7", waiting.id(), 1, T0.plus(Duration.ofMinutes(8))),
                new CrmEvent.ServiceLevelBreached(guest, "table-7", waiting.id(), 1,
                        T0.plus(Duration.ofMinutes(10)))), published);
        for (CrmEvent e : published) {
            assertEquals(e, CrmJson.read(CrmJson.write(e, CrmEvent.class), CrmEvent.class));
        }
    }

    @Test
    void itemsKeepTheVersionTheyStartedUnder_unlessRecalculated() {
        ServiceLevelStandard v2 = ISSUE.revise(T0.plus(Duration.ofDays(10)), b -> b.target(Duration.ofDays(3)));
        StandardVersions versions = StandardVersions.of(ISSUE).with(v2);
        List<ClockEvent> early = List.of(ClockEvent.of("requested", T0), ClockEvent.of("delivered",
                T0.plus(Duration.ofDays(4))));
        Instant now = T0.plus(Duration.ofDays(20));
        assertEquals(1, versions.read(early, now).version());
        assertEquals(ClockState.MET, versions.read(early, now).state());
        assertEquals(ClockState.BREACHED, versions.recalculate(early, now).state());
        List<ClockEvent> late = List.of(ClockEvent.of("requested", T0.plus(Duration.ofDays(11))));
        assertEquals(2, versions.read(late, now).version());
    }

    @Test
    void standardsRoundTripAsJson_andBadOnesAreRefusedWithThePath() {
        ServiceLevelStandard office = ISSUE.revise(T0, b -> b
                .calendar(BusinessHours.weekdays(java.time.ZoneId.of("Europe/Berlin"),
                        OpeningHours.parse("09:00-17:00")).withHolidays(java.util.Set.of(
                                java.time.LocalDate.of(2026, 12, 25))))
                .escalation(List.of(new EscalationStep(Duration.ofDays(4), "call-customer"))));
        String json = CrmJson.write(office);
        assertTrue(json.contains("\"type\" : \"business-hours\""), json);
        assertTrue(json.contains("\"target\" : \"PT120H\""), json);
        assertTrue(json.contains("\"09:00-17:00\""), json);
        assertEquals(office, CrmJson.read(json, ServiceLevelStandard.class));
        assertEquals(ISSUE, CrmJson.read(CrmJson.write(ISSUE), ServiceLevelStandard.class));
        ServiceLevelStandard many = ISSUE.revise(T0, b -> b.startOn("c", "a", "b").appliesTo(new Selector(
                java.util.Set.of(org.crmkit.core.touchpoint.TouchpointKind.REFUND,
                        org.crmkit.core.touchpoint.TouchpointKind.BOOKING), java.util.Set.of(),
                java.util.Set.of(org.crmkit.core.service.Lane.RED, org.crmkit.core.service.Lane.GREEN))));
        assertTrue(CrmJson.write(many).contains("\"startOn\" : [ \"a\", \"b\", \"c\" ]"), "sorted, stable text");
        assertTrue(CrmJson.write(many).contains("\"touchpointKinds\" : [ \"booking\", \"refund\" ]"));

        InvalidDefinitionException zone = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(json.replace("Europe/Berlin", "Europe/Atlantis"), ServiceLevelStandard.class));
        assertEquals("$.calendar.zone", zone.path(), zone.getMessage());
        InvalidDefinitionException negative = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(json.replace("PT120H", "-PT1H"), ServiceLevelStandard.class));
        assertTrue(negative.getMessage().contains("target of standard issue must be a positive duration: PT-1H"),
                negative.getMessage());
        InvalidDefinitionException never = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(json.replace("\"delivered\"", "\"requested\""), ServiceLevelStandard.class));
        assertTrue(never.getMessage().contains("stop event of standard issue can never happen"), never.getMessage());
    }
}
