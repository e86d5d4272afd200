package org.crmkit.examples.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.LifetimeValue;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;
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
 * (probability alive, expected purchases over 52 weeks, and lifetime value over 52 weeks in 12 discounted steps).
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
    private BgNbd model;
    private GammaGamma spend;
    private RepeatSummary[] synthetic;
    private int next;

    /** Reads the data and fits the models once for scoring. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        LocalDate cutoff = LocalDate.of(1997, 9, 30);
        sample = RepeatSummary.of(TransactionFiles.read(Path.of(dataDir, "CDNOW_sample.txt")), cutoff,
                ChronoUnit.WEEKS);
        cohort = RepeatSummary.of(TransactionFiles.read(Path.of(dataDir, "CDNOW_master.txt")), cutoff,
                ChronoUnit.WEEKS);
        model = BgNbd.fit(sample).model();
        spend = GammaGamma.fit(sample).model();
        SplittableRandom random = new SplittableRandom(3);
        List<RepeatSummary> list = new ArrayList<>(1_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            int x = random.nextInt(12);
            double age = 1 + random.nextDouble() * 77;
            double tx = x == 0 ? 0 : random.nextDouble() * age;
            list.add(new RepeatSummary("s" + i, x, tx, age, x == 0 ? 0 : 5 + random.nextDouble() * 80));
        }
        synthetic = list.toArray(RepeatSummary[]::new);
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

    /** {@return the three scores of one synthetic customer, summed so none is optimised away} */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public double score() {
        int i = next;
        next = i + 1 == synthetic.length ? 0 : i + 1;
        RepeatSummary s = synthetic[i];
        return model.probabilityAlive(s.x(), s.tx(), s.age()) + model.expectedPurchases(52, s.x(), s.tx(), s.age())
                + LifetimeValue.of(model, spend, s, 52, 12, 0.01);
    }
}
