package org.crmkit.kit.json;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What reading one hostile document may cost: at most 100 MB allocated and 1 s of CPU on the reading thread.
 * Allocation and CPU time of the thread are counted, not wall time or heap after the fact, so that the other core's
 * work and the collector's timing do not move the figures.
 */
final class Budget {
    static final long MAX_BYTES = 100L * 1024 * 1024;
    static final long MAX_CPU_NANOS = 1_000_000_000L;
    /** The largest cost seen in this JVM, for the record. */
    static final AtomicLong MOST_BYTES = new AtomicLong();
    static final AtomicLong MOST_CPU_NANOS = new AtomicLong();
    // By reflection: the kit's tests compile inside its module, which does not read jdk.management.
    private static final Object THREADS;
    private static final Method ALLOCATED;
    private static final Method CPU;

    static {
        try {
            Class<?> bean = Class.forName("com.sun.management.ThreadMXBean");
            THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            ALLOCATED = bean.getMethod("getCurrentThreadAllocatedBytes");
            CPU = bean.getMethod("getCurrentThreadCpuTime");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static long read(Method m) {
        try {
            return (long) m.invoke(THREADS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Budget() {
    }

    /** Runs a read, returning what it returned or throwing what it threw, and checks its cost. */
    static <T> T within(String what, Supplier<T> read) {
        long bytes = read(ALLOCATED);
        long cpu = read(CPU);
        try {
            return read.get();
        } finally {
            long spentBytes = read(ALLOCATED) - bytes;
            long spentCpu = read(CPU) - cpu;
            MOST_BYTES.accumulateAndGet(spentBytes, Math::max);
            MOST_CPU_NANOS.accumulateAndGet(spentCpu, Math::max);
            assertTrue(spentBytes <= MAX_BYTES, what + " allocated " + spentBytes / (1024 * 1024) + " MB");
            assertTrue(spentCpu <= MAX_CPU_NANOS, what + " took " + spentCpu / 1_000_000 + " ms of CPU");
        }
    }
}
