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
 * one that exists twice (in the overlap) means its first occurrence. Business time is looked up in prefix-sum
 * tables built lazily, 1,024 days at a time, so {@link #between} and {@link #plus} cost about the same for a span
 * of an hour or of a year. Immutable and thread-safe.
 */
public final class BusinessHours implements BusinessCalendar {
    /** How far {@link #plus} searches for enough business time before it gives up. */
    private static final int MAX_DAYS_SEARCHED = 366 * 20;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Set<LocalDate> holidays;
    /** Days per block of the business-time tables. */
    private static final int BLOCK_DAYS = 1024;
    private static final long NANOS = 1_000_000_000L;
    /** Prefix sums of business time, one block of days at a time, built when first needed. */
    private final Map<Long, Block> blocks = new ConcurrentHashMap<>();

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
        this.holidays = Collections.unmodifiableSortedSet(
                new TreeSet<>(Checks.list("holidays", List.copyOf(holidays))));
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
        CalendarArguments.checkBetween(from, to);
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Block fromBlock = blockOf(from);
        long nanosFrom = fromBlock.nanosUpTo(from);
        Block toBlock = blockOf(to);
        long nanosTo = toBlock.nanosUpTo(to);
        if (fromBlock == toBlock) {
            return Duration.ofNanos(nanosTo - nanosFrom);
        }
        // Whole blocks in between are summed in seconds, so spans of centuries cannot overflow.
        long seconds = 0;
        for (long k = fromBlock.number() + 1; k < toBlock.number(); k++) {
            seconds += block(k).totalSeconds();
        }
        long firstRest = fromBlock.totalSeconds() * NANOS - nanosFrom;
        return Duration.ofSeconds(seconds).plusNanos(firstRest).plusNanos(nanosTo);
    }

    @Override
    public Instant plus(Instant from, Duration amount) {
        CalendarArguments.checkPlus(from, amount);
        if (amount.isZero()) {
            return from;
        }
        Block block = blockOf(from);
        // Business time left to find, counted from the start of the block.
        long leftNanos = amount.getNano() + block.nanosUpTo(from);
        long leftSeconds = amount.getSeconds() + leftNanos / NANOS;
        leftNanos %= NANOS;
        for (int searched = 0; searched <= MAX_DAYS_SEARCHED / BLOCK_DAYS + 1; searched++) {
            long total = block.totalSeconds();
            if (leftSeconds < total || leftSeconds == total && leftNanos == 0) {
                return block.instantAt(leftSeconds, leftNanos);
            }
            leftSeconds -= total;
            block = block(block.number() + 1);
        }
        throw new RuleViolationException("business hours do not provide " + amount + " within 20 years of " + from);
    }

    /** The block holding the local day of an instant. */
    private Block blockOf(Instant t) {
        // The local day is within a day of the UTC day; the block's day starts settle which.
        long utcDay = Math.floorDiv(t.getEpochSecond(), 86_400L);
        Block block = block(Math.floorDiv(utcDay, BLOCK_DAYS));
        long s = t.getEpochSecond();
        if (s < block.dayStarts()[0]) {
            return block(block.number() - 1);
        }
        if (s >= block.dayStarts()[BLOCK_DAYS]) {
            return block(block.number() + 1);
        }
        return block;
    }

    private Block block(long k) {
        return blocks.computeIfAbsent(k, this::computeBlock);
    }

    private Block computeBlock(long k) {
        long firstDay = k * BLOCK_DAYS;
        long[] cumulative = new long[BLOCK_DAYS + 1];
        long[] dayStarts = new long[BLOCK_DAYS + 1];
        long[][] daySpans = new long[BLOCK_DAYS][];
        for (int i = 0; i < BLOCK_DAYS; i++) {
            LocalDate date = LocalDate.ofEpochDay(firstDay + i);
            dayStarts[i] = date.atStartOfDay(zone).toEpochSecond();
            long[] spans = computeSpans(date);
            daySpans[i] = spans;
            long sum = 0;
            for (int j = 0; j < spans.length; j += 2) {
                sum += spans[j + 1] - spans[j];
            }
            cumulative[i + 1] = cumulative[i] + sum;
        }
        dayStarts[BLOCK_DAYS] = LocalDate.ofEpochDay(firstDay + BLOCK_DAYS).atStartOfDay(zone).toEpochSecond();
        return new Block(k, cumulative, dayStarts, daySpans);
    }

    /**
     * {@value #BLOCK_DAYS} consecutive local days: where each starts, their opening spans, and the business
     * seconds before each as prefix sums. Built once per block and then only read.
     */
    private record Block(long number, long[] cumulative, long[] dayStarts, long[][] daySpans) {
        long totalSeconds() {
            return cumulative[BLOCK_DAYS];
        }

        /** The index of the local day holding the instant, which must lie in this block. */
        int dayOf(long epochSecond) {
            int guess = (int) Math.min(BLOCK_DAYS - 1, Math.max(0,
                    Math.floorDiv(epochSecond, 86_400L) - number * BLOCK_DAYS));
            while (guess > 0 && epochSecond < dayStarts[guess]) {
                guess--;
            }
            while (guess < BLOCK_DAYS - 1 && epochSecond >= dayStarts[guess + 1]) {
                guess++;
            }
            return guess;
        }

        /** Business time from the block's start to the instant, in nanoseconds. */
        long nanosUpTo(Instant t) {
            long ts = t.getEpochSecond();
            int tn = t.getNano();
            int day = dayOf(ts);
            long nanos = cumulative[day] * NANOS;
            long[] spans = daySpans[day];
            for (int i = 0; i < spans.length; i += 2) {
                long s = spans[i];
                long e = spans[i + 1];
                if (ts >= e) {
                    nanos += (e - s) * NANOS;
                } else if (ts >= s) {
                    nanos += (ts - s) * NANOS + tn;
                }
            }
            return nanos;
        }

        /** The instant at which the given business time from the block's start is reached; within the block. */
        Instant instantAt(long seconds, long nanos) {
            // The last day whose start is strictly before the target (a target at a day's start belongs to the
            // day before, so that the earliest instant is found).
            int lo = 0;
            int hi = BLOCK_DAYS - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                long c = cumulative[mid];
                if (c < seconds || c == seconds && nanos > 0) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            long leftS = seconds - cumulative[lo];
            long[] spans = daySpans[lo];
            for (int i = 0; i < spans.length; i += 2) {
                long length = spans[i + 1] - spans[i];
                if (leftS < length || leftS == length && nanos == 0) {
                    return Instant.ofEpochSecond(spans[i] + leftS, nanos);
                }
                leftS -= length;
            }
            throw new IllegalStateException("business time table out of step at day " + (number * BLOCK_DAYS + lo));
        }
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
