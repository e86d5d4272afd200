package org.crmkit.benchmarks;

import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.crmkit.segmentation.rule.FactTable;
import org.crmkit.segmentation.rule.Rule;
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
 * A segment of ten million customers in columnar form, on one core: {@link AttributeRuleBenchmark}'s four-condition
 * rule over a {@link FactTable} built by streaming the customers' profiles through it (each profile made, read and
 * dropped, so only the columns stay). The set-up prints how long the build took and the heap the table needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class ColumnarBenchmark {
    /** How many customers. */
    @Param("10000000")
    public int customers;

    private FactTable table;
    private Rule rule;

    /** Streams the customers into the table and reports its cost. */
    @Setup(Level.Trial)
    public void setUp() {
        rule = AttributeRuleBenchmark.CATALOG.compile(AttributeRuleBenchmark.condition());
        long before = usedHeap();
        long start = System.nanoTime();
        Random random = new Random(10);
        FactTable.Builder b = FactTable.builder(AttributeRuleBenchmark.CATALOG, AttributeRuleBenchmark.condition());
        for (int i = 0; i < customers; i++) {
            b.add(AttributeRuleBenchmark.subject(i, AttributeRuleBenchmark.Plain.random(random)));
        }
        table = b.build();
        double seconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeap() - before;
        System.out.printf("%n# table of %,d customers built in %.1f s; heap %,d bytes (%.0f a customer), of which"
                + " columns %,d bytes (%.1f a customer) and customer ids the rest%n", table.size(), seconds, heap,
                (double) heap / customers, table.columnBytes(), (double) table.columnBytes() / customers);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@return the members of the segment} */
    @Benchmark
    public BitSet segment() {
        return table.select(rule);
    }
}
