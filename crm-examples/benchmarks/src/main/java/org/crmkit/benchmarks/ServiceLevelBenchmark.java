package org.crmkit.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.servicelevel.BusinessCalendar;
import org.crmkit.core.servicelevel.BusinessHours;
import org.crmkit.core.servicelevel.ClockEvent;
import org.crmkit.core.servicelevel.ClockReading;
import org.crmkit.core.servicelevel.EscalationStep;
import org.crmkit.core.servicelevel.OpeningHours;
import org.crmkit.core.servicelevel.ServiceLevelClock;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.StandardId;
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
 * Evaluating items against service-level standards: 1 million item histories (opened, sometimes waiting on the
 * customer and resumed, resolved within ten days or still open), each operation reading one item against one of
 * 10 standards, on a business-hours calendar (Europe/Berlin, weekdays 08:00-18:00, holidays) or around the clock.
 * One thread, so the score is evaluations per second per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ServiceLevelBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-05T07:00:00Z");

    /** The calendar the standards run on. */
    @Param({"business-hours", "around-the-clock"})
    public String calendar;

    /** How many item histories. */
    @Param("1000000")
    public int items;

    private List<List<ClockEvent>> histories;
    private ServiceLevelStandard[] standards;
    private Instant now;
    private int next;

    /** Builds the histories and standards. */
    @Setup(Level.Trial)
    public void setUp() {
        BusinessCalendar cal = calendar.equals("business-hours")
                ? BusinessHours.weekdays(ZoneId.of("Europe/Berlin"), OpeningHours.parse("08:00-18:00"))
                        .withHolidays(java.util.Set.of(java.time.LocalDate.of(2026, 4, 3),
                                java.time.LocalDate.of(2026, 4, 6), java.time.LocalDate.of(2026, 5, 1)))
                : BusinessCalendar.aroundTheClock();
        standards = new ServiceLevelStandard[10];
        for (int i = 0; i < 10; i++) {
            standards[i] = ServiceLevelStandard.builder().id(StandardId.of("std-" + i)).name("Standard " + i)
                    .startOn("opened", "reopened").stopOn("resolved").pauseOn("waiting").resumeOn("replied")
                    .target(Duration.ofHours(4L * (i + 1)))
                    .escalation(List.of(new EscalationStep(Duration.ofHours(i + 1), "notify"),
                            new EscalationStep(Duration.ofHours(2L * (i + 1)), "escalate")))
                    .calendar(cal).build();
        }
        SplittableRandom random = new SplittableRandom(7);
        histories = new ArrayList<>(items);
        for (int n = 0; n < items; n++) {
            Instant opened = T0.plusSeconds(random.nextLong(120L * 86_400));
            List<ClockEvent> h = new ArrayList<>(4);
            h.add(ClockEvent.of("opened", opened));
            Instant t = opened.plusSeconds(random.nextLong(3L * 86_400));
            if (random.nextInt(3) == 0) {
                h.add(ClockEvent.of("waiting", t));
                t = t.plusSeconds(random.nextLong(2L * 86_400));
                h.add(ClockEvent.of("replied", t));
            }
            if (random.nextInt(5) != 0) {
                h.add(ClockEvent.of("resolved", t.plusSeconds(random.nextLong(5L * 86_400))));
            }
            histories.add(List.copyOf(h));
        }
        now = T0.plus(Duration.ofDays(130));
    }

    /** {@return one item read against one standard} */
    @Benchmark
    public ClockReading evaluate() {
        int i = next;
        next = i + 1 == items ? 0 : i + 1;
        return ServiceLevelClock.read(standards[i % 10], histories.get(i), now);
    }
}
