package org.crmkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;
import org.crmkit.segmentation.value.ValueScorer;
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
 * Fitting BG/NBD to the CDNOW sample (2,357 customers) and cohort (23,570), and scoring synthetic customers
 * (probability alive, expected purchases over 52 weeks, and lifetime value over 52 weeks in 12 discounted steps),
 * one at a time and a million together.
 * The CDNOW files are read from {@code dataDir}, by default the shared data folder beside the repository.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class ValueModelBenchmark {
    /** Where CDNOW_sample.txt and CDNOW_master.txt are. */
    @Param("../shared/data/cdnow")
    public String dataDir;

    private List<RepeatSummary> sample;
    private List<RepeatSummary> cohort;
    private ValueScorer scorer;

    /** Reads the data and fits the models once for scoring. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        LocalDate cutoff = LocalDate.of(1997, 9, 30);
        sample = RepeatSummary.of(TransactionFiles.read(Path.of(dataDir, "CDNOW_sample.txt")), cutoff,
                ChronoUnit.WEEKS);
        cohort = RepeatSummary.of(TransactionFiles.read(Path.of(dataDir, "CDNOW_master.txt")), cutoff,
                ChronoUnit.WEEKS);
        scorer = ValueScorer.of(BgNbd.fit(sample).model(), GammaGamma.fit(sample).model(), 52, 12, 0.01);
    }

    /**
     * One million synthetic customers in weeks, up to 18 months old, with up to 11 repeat purchases. With
     * {@code ages = days} their ages and last purchases fall on whole days, as in summaries made from dates; with
     * {@code continuous} no two customers share an age.
     */
    @State(Scope.Benchmark)
    public static class Population {
        /** {@code days} or {@code continuous}. */
        @Param("days")
        public String ages;

        List<RepeatSummary> customers;
        int next;

        /** Draws the customers. */
        @Setup(Level.Trial)
        public void setUp() {
            boolean days = switch (ages) {
                case "days" -> true;
                case "continuous" -> false;
                default -> throw new IllegalArgumentException("ages must be days or continuous: " + ages);
            };
            SplittableRandom random = new SplittableRandom(3);
            List<RepeatSummary> list = new ArrayList<>(1_000_000);
            for (int i = 0; i < 1_000_000; i++) {
                int x = random.nextInt(12);
                double age = days ? random.nextInt(7, 547) / 7.0 : 1 + random.nextDouble() * 77;
                double tx = x == 0 ? 0 : days ? Math.floor(random.nextDouble() * age * 7) / 7.0
                        : random.nextDouble() * age;
                list.add(new RepeatSummary(CustomerId.of("s" + i), x, tx, age,
                        x == 0 ? 0 : 5 + random.nextDouble() * 80));
            }
            customers = List.copyOf(list);
        }
    }

    /** {@return the fit on the 2,357-customer sample} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public ModelFit<BgNbd> fitSample() {
        return BgNbd.fit(sample);
    }

    /** {@return the fit on the 23,570-customer cohort} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    public ModelFit<BgNbd> fitCohort() {
        return BgNbd.fit(cohort);
    }

    /** {@return the three scores of one customer, scored alone} */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public CustomerValue scoreOne(Population p) {
        int i = p.next;
        p.next = i + 1 == p.customers.size() ? 0 : i + 1;
        return scorer.score(p.customers.get(i));
    }

    /** {@return the scores of all one million customers, scored together} */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public List<CustomerValue> scoreAll(Population p) {
        return scorer.scoreAll(p.customers);
    }
}
