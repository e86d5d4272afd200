package org.crmkit.core.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;

class BusinessCalendarProperties {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessHours OFFICE = BusinessHours.weekdays(BERLIN, OpeningHours.parse("09:00-17:00"))
            .withHolidays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));
    /** A round-the-clock operation written as business hours, to exercise DST with every hour open. */
    private static final BusinessHours ALL_DAY_NEW_YORK = BusinessHours.of(NEW_YORK, allWeek("00:00-00:00"),
            Set.of());

    private static Map<DayOfWeek, List<OpeningHours>> allWeek(String hours) {
        Map<DayOfWeek, List<OpeningHours>> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, List.of(OpeningHours.parse(hours)));
        }
        return week;
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(OFFICE, ALL_DAY_NEW_YORK, BusinessCalendar.aroundTheClock(),
                BusinessHours.of(ZoneId.of("Asia/Shanghai"), Map.of(DayOfWeek.SATURDAY,
                        List.of(OpeningHours.parse("10:00-14:00"), OpeningHours.parse("17:00-00:00"))), Set.of()));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Around 2026, which holds DST changes in both zones and the holidays above.
        return Arbitraries.longs().between(0, 400L * 86_400 * 1_000).map(ms -> Instant.parse("2026-01-01T00:00:00Z")
                .plusMillis(ms).plusNanos(ms % 7 * 13));
    }

    @Property
    void businessTimeIsAdditiveOverSplitIntervals(@ForAll("calendars") BusinessCalendar cal,
                                                  @ForAll("instants") Instant a, @ForAll("instants") Instant b,
                                                  @ForAll("instants") Instant c) {
        Instant[] sorted = java.util.stream.Stream.of(a, b, c).sorted().toArray(Instant[]::new);
        assertEquals(cal.between(sorted[0], sorted[2]),
                cal.between(sorted[0], sorted[1]).plus(cal.between(sorted[1], sorted[2])));
    }

    @Property
    void businessTimeNeverExceedsWallTime(@ForAll("calendars") BusinessCalendar cal,
                                          @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Duration business = cal.between(a, b);
        assertTrue(!business.isNegative());
        assertTrue(business.compareTo(b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO) <= 0);
    }

    @Property
    void aZeroLengthPauseChangesNothing(@ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant a,
                                        @ForAll("instants") Instant pause, @ForAll("instants") Instant b) {
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        Instant p = pause.isBefore(from) ? from : pause.isAfter(to) ? to : pause;
        // Running from..p, paused for no time, then p..to: the same as running throughout.
        assertEquals(cal.between(from, to), cal.between(from, p).plus(cal.between(p, to)));
    }

    /** A plain oracle: walk the local days, turn each opening span into instants, clip and add. */
    private static Duration naiveBetween(BusinessHours cal, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate d = LocalDate.ofInstant(from, cal.zone()).minusDays(1);
                !d.isAfter(LocalDate.ofInstant(to, cal.zone())); d = d.plusDays(1)) {
            if (cal.holidays().contains(d)) {
                continue;
            }
            for (OpeningHours h : cal.week().getOrDefault(d.getDayOfWeek(), List.of())) {
                Instant s = d.atTime(h.opens()).atZone(cal.zone()).toInstant();
                Instant e = h.toMidnight() ? d.plusDays(1).atStartOfDay(cal.zone()).toInstant()
                        : d.atTime(h.closes()).atZone(cal.zone()).toInstant();
                Instant a = s.isAfter(from) ? s : from;
                Instant b = e.isBefore(to) ? e : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    @Property
    void businessHoursAgreeWithADayByDayWalk(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        for (BusinessHours cal : List.of(OFFICE, ALL_DAY_NEW_YORK)) {
            assertEquals(naiveBetween(cal, a, b), cal.between(a, b), cal.toString());
        }
    }

    @Property(tries = 200)
    void spansOfManyYearsAgreeWithADayByDayWalk(@ForAll("instants") Instant a, @ForAll("years") int years) {
        Instant b = a.plus(Duration.ofDays(365L * years));
        assertEquals(naiveBetween(OFFICE, a, b), OFFICE.between(a, b));
        assertEquals(b.minusSeconds(0).isAfter(a) ? OFFICE.between(a, OFFICE.plus(a, OFFICE.between(a, b))) : null,
                OFFICE.between(a, b));
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.integers().between(1, 12);
    }

    @Property
    void aroundTheClockEqualsWallTime(@ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        BusinessCalendar cal = BusinessCalendar.aroundTheClock();
        assertEquals(b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO, cal.between(a, b));
    }

    @Property
    void plusIsTheInverseOfBetween(@ForAll("calendars") BusinessCalendar cal, @ForAll("instants") Instant from,
                                   @ForAll("durations") Duration amount) {
        Instant due = cal.plus(from, amount);
        assertEquals(amount, cal.between(from, due));
        assertTrue(due.equals(from) || cal.between(from, due.minusNanos(1)).compareTo(amount) < 0,
                "the earliest such instant");
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, 30L * 86_400).map(Duration::ofSeconds);
    }

    @Example
    void aClockRunningOverTheSpringForwardNightInBerlin_countsTheHoursThatPass() {
        // 29 March 2026: clocks in Berlin jump from 02:00 to 03:00.
        BusinessHours night = BusinessHours.of(BERLIN, Map.of(DayOfWeek.SUNDAY,
                List.of(OpeningHours.parse("01:00-04:00"))), Set.of());
        assertEquals(Duration.ofHours(2), night.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T05:00")));
        assertEquals(at(BERLIN, "2026-03-29T03:30"), night.plus(at(BERLIN, "2026-03-29T00:00"), Duration.ofMinutes(90)));
    }

    @Example
    void aClockRunningOverTheSpringForwardNightInNewYork_countsTwentyThreeHours() {
        // 8 March 2026: clocks in New York jump from 02:00 to 03:00.
        assertEquals(Duration.ofHours(23), ALL_DAY_NEW_YORK.between(at(NEW_YORK, "2026-03-08T00:00"),
                at(NEW_YORK, "2026-03-09T00:00")));
        assertEquals(Duration.ofHours(25), ALL_DAY_NEW_YORK.between(at(NEW_YORK, "2026-11-01T00:00"),
                at(NEW_YORK, "2026-11-02T00:00")), "the fall-back day has 25 hours");
    }

    @Example
    void officeHours_skipNightsWeekendsAndHolidays() {
        // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
        assertEquals(Duration.ofHours(2), OFFICE.between(at(BERLIN, "2026-03-06T16:00"), at(BERLIN, "2026-03-09T10:00")));
        // Thursday 24 Dec 16:00 to Monday 28 Dec 10:00: Christmas and Boxing Day are holidays, then the weekend.
        assertEquals(Duration.ofHours(2), OFFICE.between(at(BERLIN, "2026-12-24T16:00"), at(BERLIN, "2026-12-28T10:00")));
        // A two-day target set on Friday afternoon falls due on Tuesday afternoon.
        assertEquals(at(BERLIN, "2026-03-10T16:00"), OFFICE.plus(at(BERLIN, "2026-03-06T16:00"), Duration.ofHours(16)));
        // Started outside hours, the clock begins at the next opening.
        assertEquals(at(BERLIN, "2026-03-09T09:30"), OFFICE.plus(at(BERLIN, "2026-03-07T12:00"), Duration.ofMinutes(30)));
    }

    @Example
    void hoursRunningToMidnight_crossIntoTheNextDay() {
        BusinessHours evenings = BusinessHours.of(BERLIN, allWeek("18:00-00:00"), Set.of());
        assertEquals(Duration.ofHours(7), evenings.between(at(BERLIN, "2026-05-04T21:00"), at(BERLIN, "2026-05-05T22:00")));
    }

    @Example
    void invalidCalendars_areRefused() {
        assertThrows(RuleViolationException.class, () -> OpeningHours.parse("17:00-09:00"));
        assertThrows(RuleViolationException.class, () -> BusinessHours.of(BERLIN, Map.of(), Set.of()));
        assertThrows(RuleViolationException.class, () -> BusinessHours.of(BERLIN, Map.of(DayOfWeek.MONDAY,
                List.of(OpeningHours.parse("09:00-12:00"), OpeningHours.parse("11:00-13:00"))), Set.of()));
        assertEquals("opening hours must close after they open: 09:00-09:00",
                assertThrows(RuleViolationException.class,
                        () -> new OpeningHours(LocalTime.of(9, 0), LocalTime.of(9, 0))).getMessage());
    }
}
