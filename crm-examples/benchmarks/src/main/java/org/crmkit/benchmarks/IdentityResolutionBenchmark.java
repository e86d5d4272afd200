package org.crmkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.unify.IdentityResolver;
import org.crmkit.core.unify.Resolution;
import org.crmkit.fixtures.population.ScatteredPopulation;

/**
 * Identity resolution of C10's scattered records at a million profiles: blocking, comparing, estimating the model
 * and scoring ({@link IdentityResolver#resolve}), beside joining the same profiles on exact email or phone with a
 * hash map and a union-find written by hand. One operation is one whole resolution; both cores of the machine are
 * used, as {@code resolve} scores in parallel.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IdentityResolutionBenchmark {
    /** How many people; about 1.85 profiles each. */
    @Param("540000")
    public int people;

    private ScatteredPopulation population;
    private List<Customer> profiles;
    private final IdentityResolver resolver = IdentityResolver.create();
    private final IdentityResolver byCar = IdentityResolver.builder().identifiers(ScatteredPopulation.VEHICLE).build();

    /** Draws the population once. */
    @Setup(Level.Trial)
    public void setUp() {
        population = ScatteredPopulation.generate(people, 22);
        profiles = population.profiles();
    }

    /** Reports the quality of both and the heap a resolution holds, once, on standard error. */
    @TearDown(Level.Trial)
    public void report() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Resolution r = resolver.resolve(profiles);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        Resolution withCars = byCar.resolve(profiles);
        System.err.printf("%n%d profiles; resolver: %s; %d candidate pairs; heap with the profiles %d MB, "
                        + "the resolution holds %d MB more%nwith the car's number: %s; %d candidate pairs%n"
                        + "exact keys: %s%n", profiles.size(), population.evaluate(r.clusters()), r.candidatePairs(),
                before >> 20, (after - before) >> 20, population.evaluate(withCars.clusters()),
                withCars.candidatePairs(), population.evaluate(ScatteredPopulation.exactKeyClusters(profiles)));
    }

    /** {@return the resolution of every profile} */
    @Benchmark
    public Resolution resolve() {
        return resolver.resolve(profiles);
    }

    /** {@return the resolution of every profile, the car's identification number compared too} */
    @Benchmark
    public Resolution resolveWithCars() {
        return byCar.resolve(profiles);
    }

    /** {@return the profiles joined on an exact email or phone (a hash map and a union-find): the baseline} */
    @Benchmark
    public int exactKeys() {
        return ScatteredPopulation.exactKeyClusters(profiles).size();
    }
}
