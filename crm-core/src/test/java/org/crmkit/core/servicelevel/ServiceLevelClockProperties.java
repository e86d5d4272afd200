package org.crmkit.core.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;

class ServiceLevelClockProperties {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** A case standard: two days, paused while waiting on the customer. */
    private static final ServiceLevelStandard CASE_2D = ServiceLevelStandard.builder()
            .id(StandardId.of("case-2d")).name("Cases answered in two days")
            .startOn("opened", "reopened").stopOn("resolved").pauseOn("waiting").resumeOn("customer-replied")
            .target(Duration.ofDays(2)).escalation(List.of(new EscalationStep(Duration.ofDays(1), "notify-lead")))
            .build();

    private static ClockEvent ev(String type, long minutes) {
        return ClockEvent.of(type, T0.plus(Duration.ofMinutes(minutes)));
    }

    private static Instant min(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Example
    void C5_waitingGuestsAreServedInSteps_andEachStepFiresOnce() {
        ServiceLevelStandard waiting = ServiceLevelStandard.builder().id(StandardId.of("c5-wait")).name("Waiting guests")
                .dimension(Dimension.RESPONSIVENESS).startOn("seated").stopOn("served").target(Duration.ofMinutes(10))
                .escalation(List.of(new EscalationStep(Duration.ofMinutes(2), "take-order"),
                        new EscalationStep(Duration.ofMinutes(10), "bring-drinks")))
                .build();
        List<ClockEvent> guest = List.of(ev("seated", 0));
        ClockReading at3 = ServiceLevelClock.read(waiting, guest, min(3));
        assertEquals(List.of(new FiredStep(waiting.escalation().get(0), min(2))), at3.firedSteps());
        assertEquals(ClockState.RUNNING, at3.state());
        assertEquals(min(10), at3.dueAt());
        assertNull(at3.warnedAt());
        ClockReading at11 = ServiceLevelClock.read(waiting, guest, min(11));
        assertEquals(2, at11.firedSteps().size());
        assertEquals(min(8), at11.warnedAt(), "warned at 80% of the target");
        assertEquals(ClockState.BREACHED, at11.state());
        assertEquals(min(10), at11.breachedAt());
        ClockReading servedAt9 = ServiceLevelClock.read(waiting, List.of(ev("seated", 0), ev("served", 9)), min(30));
        assertEquals(ClockState.MET, servedAt9.state());
        assertEquals(Duration.ofMinutes(9), servedAt9.elapsed());
        assertEquals(1, servedAt9.firedSteps().size(), "drinks were never due");
    }

    @Example
    void waitingOnTheCustomerDoesNotCountAgainstUs() {
        List<ClockEvent> events = List.of(ev("opened", 0), ev("waiting", 60), ev("customer-replied", 60 * 24 * 3),
                ev("resolved", 60 * 24 * 3 + 120));
        ClockReading r = ServiceLevelClock.read(CASE_2D, events, min(60 * 24 * 10));
        assertEquals(Duration.ofHours(3), r.elapsed());
        assertEquals(ClockState.MET, r.state());
        assertTrue(r.finished());
        ClockReading whilePaused = ServiceLevelClock.read(CASE_2D, events.subList(0, 2), min(60 * 24));
        assertEquals(ClockState.PAUSED, whilePaused.state());
        assertNull(whilePaused.dueAt(), "no due time while paused");
        assertEquals(Duration.ofHours(47), whilePaused.remaining());
    }

    @Example
    void C1_aDelayedFlightMovesWhenTheCarMustBeReady() {
        ServiceLevelStandard ready = ServiceLevelStandard.builder().id(StandardId.of("c1-ready")).name("Car ready")
                .startOn("booked").stopOn("car-ready").target(Duration.ofHours(4)).build();
        List<ClockEvent> events = new ArrayList<>(List.of(ev("booked", 0), ev("car-ready", 330)));
        assertEquals(ClockState.BREACHED, ServiceLevelClock.read(ready, events, min(400)).state());
        events.add(ClockEvent.dueMoved(min(120), min(360)));
        ClockReading r = ServiceLevelClock.read(ready, events, min(400));
        assertEquals(ClockState.MET, r.state());
        assertEquals(Duration.ofHours(6), r.target());
        assertEquals(min(360), r.dueAt());
        assertEquals(List.of(ClockEvent.dueMoved(min(120), min(360))), r.moves());
    }

    @Example
    void aMovedStartCountsFromTheNewInstant() {
        ServiceLevelStandard s = ServiceLevelStandard.builder().id(StandardId.of("s")).name("s").startOn("go")
                .stopOn("done").target(Duration.ofHours(1)).build();
        ClockReading r = ServiceLevelClock.read(s, List.of(ev("go", 0), ClockEvent.startMoved(min(5), min(30)),
                ev("done", 80)), min(100));
        assertEquals(Duration.ofMinutes(50), r.elapsed());
        assertEquals(min(30), r.startedAt());
    }

    @Example
    void aReopenedCase_addsUpOrStartsOverAsTheStandardSays() {
        List<ClockEvent> events = List.of(ev("opened", 0), ev("resolved", 60 * 30), ev("reopened", 60 * 50),
                ev("resolved", 60 * 70));
        ClockReading accumulated = ServiceLevelClock.read(CASE_2D, events, min(60 * 100));
        assertEquals(Duration.ofHours(50), accumulated.elapsed());
        assertEquals(ClockState.BREACHED, accumulated.state());
        assertEquals(2, accumulated.cycles());
        ServiceLevelStandard restart = CASE_2D.revise(Instant.EPOCH.plusSeconds(1), b -> b.cycles(CycleMode.RESTART));
        ClockReading restarted = ServiceLevelClock.read(restart, events, min(60 * 100));
        assertEquals(Duration.ofHours(20), restarted.elapsed());
        assertEquals(ClockState.MET, restarted.state());
        assertEquals(2, restart.version());
        assertEquals(1, restarted.firedSteps().size(), "the one-day step fired once, in the first cycle");
        assertEquals(min(60 * 24), restarted.firedSteps().get(0).at());
    }

    @Example
    void aBusinessHoursClockStopsOutsideHours() {
        BusinessHours office = BusinessHours.weekdays(ZoneId.of("UTC"), OpeningHours.parse("09:00-17:00"));
        ServiceLevelStandard s = ServiceLevelStandard.builder().id(StandardId.of("office")).name("Office")
                .startOn("opened").stopOn("resolved").target(Duration.ofHours(8)).calendar(office).build();
        // Opened Friday 16:00: one business hour on Friday, seven on Monday, so due Monday 16:00.
        ClockReading r = ServiceLevelClock.read(s, List.of(ClockEvent.of("opened",
                Instant.parse("2026-03-06T16:00:00Z"))), Instant.parse("2026-03-07T12:00:00Z"));
        assertEquals(Duration.ofHours(1), r.elapsed());
        assertEquals(Instant.parse("2026-03-09T16:00:00Z"), r.dueAt());
    }

    @Example
    void definitionsThatCannotWork_areRefusedWithAClearMessage() {
        assertEquals("stop event of standard x can never happen: none is given", assertThrows(
                RuleViolationException.class, () -> ServiceLevelStandard.builder().id(StandardId.of("x")).name("x")
                        .startOn("opened").target(Duration.ofDays(1)).build()).getMessage());
        assertEquals("stop event of standard x can never happen: 'opened' in both stopOn and startOn", assertThrows(
                RuleViolationException.class, () -> ServiceLevelStandard.builder().id(StandardId.of("x")).name("x")
                        .startOn("opened").stopOn("opened").target(Duration.ofDays(1)).build()).getMessage());
        assertEquals("target of standard x must be a positive duration: PT-1H", assertThrows(
                RuleViolationException.class, () -> ServiceLevelStandard.builder().id(StandardId.of("x")).name("x")
                        .startOn("a").stopOn("b").target(Duration.ofHours(-1)).build()).getMessage());
        assertThrows(RuleViolationException.class, () -> ServiceLevelStandard.builder().id(StandardId.of("x"))
                .name("x").startOn("a").stopOn("b").target(Duration.ofHours(1)).escalation(List.of(
                        new EscalationStep(Duration.ofMinutes(10), "b"), new EscalationStep(Duration.ofMinutes(2), "a")))
                .build());
        assertThrows(RuleViolationException.class, () -> CASE_2D.revise(CASE_2D.effectiveFrom(), b -> b));
    }

    // Properties over random histories of the case standard.

    @Provide
    Arbitrary<List<ClockEvent>> histories() {
        Arbitrary<ClockEvent> event = Combinators.combine(
                Arbitraries.of("opened", "reopened", "resolved", "waiting", "customer-replied", "noise"),
                Arbitraries.longs().between(0, 60 * 24 * 6))
                .as(ServiceLevelClockProperties::ev);
        return event.list().ofMaxSize(10);
    }

    @Property
    void readingDoesNotDependOnArrivalOrderOrDuplicates(@ForAll("histories") List<ClockEvent> history,
                                                        @ForAll Random random) {
        List<ClockEvent> shuffled = new ArrayList<>(history);
        shuffled.addAll(history.subList(0, history.size() / 2));
        Collections.shuffle(shuffled, random);
        Instant now = min(60 * 24 * 7);
        assertEquals(ServiceLevelClock.read(CASE_2D, history, now), ServiceLevelClock.read(CASE_2D, shuffled, now));
    }

    @Property
    void elapsedAndRemainingAddUpToTheTarget_andElapsedNeverExceedsWallTime(
            @ForAll("histories") List<ClockEvent> history, @ForAll("nowMinutes") long nowMinutes) {
        Instant now = min(nowMinutes);
        ClockReading r = ServiceLevelClock.read(CASE_2D, history, now);
        if (r.state() != ClockState.BREACHED) {
            assertEquals(CASE_2D.target(), r.elapsed().plus(r.remaining()));
        } else {
            assertEquals(Duration.ZERO, r.remaining());
            assertTrue(r.elapsed().compareTo(CASE_2D.target()) > 0);
            assertEquals(r.breachedAt(), r.startedAt() == null ? null : r.breachedAt());
        }
        if (r.startedAt() != null) {
            assertTrue(r.elapsed().compareTo(Duration.between(r.startedAt(), now)) <= 0);
        } else {
            assertEquals(Duration.ZERO, r.elapsed());
        }
    }

    @Property
    void aReadingLaterSeesAtLeastAsMuchElapsedTime(@ForAll("histories") List<ClockEvent> history,
                                                   @ForAll("nowMinutes") long a, @ForAll("nowMinutes") long b) {
        ClockReading early = ServiceLevelClock.read(CASE_2D, history, min(Math.min(a, b)));
        ClockReading late = ServiceLevelClock.read(CASE_2D, history, min(Math.max(a, b)));
        assertTrue(late.elapsed().compareTo(early.elapsed()) >= 0);
        assertTrue(late.firedSteps().containsAll(early.firedSteps()));
    }

    @Provide
    Arbitrary<Long> nowMinutes() {
        return Arbitraries.longs().between(0, 60 * 24 * 8);
    }
}
