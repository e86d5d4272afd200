package org.crmkit.core.servicelevel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * Business hours in a time zone: opening hours per day of the week, and holidays on which the clock does not run.
 * Local times are turned into instants with the zone's rules, so a day with a daylight-saving change counts the
 * hours that really pass: business hours of 01:00-04:00 on the spring-forward night in Europe/Berlin are two
 * hours long. A local opening time that does not exist (it falls in the gap) moves forward by the gap's length;
 * one that exists twice (in the overlap) means its first occurrence. Immutable and thread-safe.
 */
public final class BusinessHours implements BusinessCalendar {
    /** How far {@link #plus} searches for enough business time before it gives up. */
    private static final int MAX_DAYS_SEARCHED = 366 * 20;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Set<LocalDate> holidays;
    /** Opening spans per local day as epoch-second pairs, computed once per day seen. */
    private final Map<Long, long[]> spansByDay = new ConcurrentHashMap<>();

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        this.zone = Checks.notNull("zone", zone);
        Checks.notNull("week", week);
        Map<DayOfWeek, List<OpeningHours>> copy = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<OpeningHours>> e : week.entrySet()) {
            List<OpeningHours> spans = new ArrayList<>(Checks.list("opening hours", e.getValue()));
            spans.sort(java.util.Comparator.comparing(OpeningHours::opens));
            for (int i = 1; i < spans.size(); i++) {
                OpeningHours prev = spans.get(i - 1);
                if (prev.toMidnight() || spans.get(i).opens().isBefore(prev.closes())) {
                    throw new RuleViolationException("opening hours must not overlap on " + e.getKey() + ": " + prev
                            + " and " + spans.get(i));
                }
            }
            if (!spans.isEmpty()) {
                copy.put(e.getKey(), List.copyOf(spans));
            }
        }
        if (copy.isEmpty()) {
            throw new RuleViolationException("business hours must open on at least one day of the week");
        }
        this.week = Collections.unmodifiableMap(copy);
        this.holidays = Collections.unmodifiableSortedSet(new TreeSet<>(Checks.list("holidays", List.copyOf(holidays))));
    }

    /**
     * Creates business hours.
     *
     * @param zone the time zone the hours are kept in
     * @param week opening hours by day of the week; days left out are closed
     * @param holidays dates on which the business is closed
     * @return the calendar
     * @throws RuleViolationException when no day opens or spans overlap
     */
    public static BusinessHours of(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays) {
        return new BusinessHours(zone, week, holidays);
    }

    /**
     * The same hours Monday to Friday, no holidays.
     *
     * @param zone the time zone
     * @param hours the daily span
     * @return the calendar
     */
    public static BusinessHours weekdays(ZoneId zone, OpeningHours hours) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                week.put(d, List.of(hours));
            }
        }
        return new BusinessHours(zone, week, Set.of());
    }

    /**
     * A copy with more holidays.
     *
     * @param dates the holidays to add
     * @return the calendar
     */
    public BusinessHours withHolidays(Set<LocalDate> dates) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(Checks.list("holidays", List.copyOf(dates)));
        return new BusinessHours(zone, week, all);
    }

    /** {@return the time zone} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return the opening hours by day of the week; closed days are absent} */
    public Map<DayOfWeek, List<OpeningHours>> week() {
        return week;
    }

    /** {@return the holidays, in date order} */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    @Override
    public Duration between(Instant from, Instant to) {
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long fromS = from.getEpochSecond();
        int fromN = from.getNano();
        long toS = to.getEpochSecond();
        int toN = to.getNano();
        long seconds = 0;
        long nanos = 0;
        LocalDate last = localDate(to);
        // Start a day early: a span may begin on the previous local day and run past midnight.
        for (LocalDate d = localDate(from).minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            long[] spans = spans(d);
            for (int i = 0; i < spans.length; i += 2) {
                // Span ends are whole seconds; clip [s, e) to [from, to) as (seconds, nanos) pairs.
                long s = spans[i];
                long e = spans[i + 1];
                long aS = s > fromS ? s : fromS;
                int aN = s > fromS ? 0 : fromN;
                long bS = e <= toS ? e : toS;
                int bN = e <= toS ? 0 : toN;
                long ds = bS - aS;
                long dn = (long) bN - aN;
                if (ds > 0 || ds == 0 && dn > 0) {
                    seconds += ds;
                    nanos += dn;
                }
            }
        }
        return Duration.ofSeconds(seconds, nanos);
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        Checks.notNull("from", from);
        Checks.notNull("amount", amount);
        if (amount.isNegative()) {
            throw new RuleViolationException("business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        Duration left = amount;
        LocalDate d = localDate(from).minusDays(1);
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++, d = d.plusDays(1)) {
            long[] spans = spans(d);
            for (int i = 0; i < spans.length; i += 2) {
                Instant s = Instant.ofEpochSecond(spans[i]);
                Instant e = Instant.ofEpochSecond(spans[i + 1]);
                if (!e.isAfter(from)) {
                    continue;
                }
                Instant start = s.isBefore(from) ? from : s;
                Duration available = Duration.between(start, e);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new RuleViolationException("business hours do not provide " + amount + " within 20 years of " + from);
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The opening spans of a local day as epoch-second pairs; empty on closed days and holidays. */
    private long[] spans(LocalDate date) {
        return spansByDay.computeIfAbsent(date.toEpochDay(), k -> computeSpans(date));
    }

    private long[] computeSpans(LocalDate date) {
        List<OpeningHours> hours = week.get(date.getDayOfWeek());
        if (hours == null || holidays.contains(date)) {
            return new long[0];
        }
        long[] out = new long[hours.size() * 2];
        for (int i = 0; i < hours.size(); i++) {
            OpeningHours h = hours.get(i);
            out[2 * i] = ZonedDateTime.of(date, h.opens(), zone).toEpochSecond();
            out[2 * i + 1] = h.toMidnight() ? date.plusDays(1).atStartOfDay(zone).toEpochSecond()
                    : ZonedDateTime.of(date, h.closes(), zone).toEpochSecond();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours b && zone.equals(b.zone) && week.equals(b.week)
                && holidays.equals(b.holidays);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(zone, week, holidays);
    }

    @Override
    public String toString() {
        return "BusinessHours[" + zone + ", " + week + ", " + holidays.size() + " holidays]";
    }
}
