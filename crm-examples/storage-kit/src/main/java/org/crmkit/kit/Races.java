package org.crmkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/** Starts writers at the same moment, for the kit's concurrency checks. */
public final class Races {
    private Races() {
    }

    /**
     * Runs {@code writers} attempts at once, one thread each.
     *
     * @param writers how many
     * @param attempt one writer's attempt, given its number; true when it won
     * @return how many won
     */
    public static int winners(int writers, IntPredicate attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> wins = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                wins.add(pool.submit(() -> {
                    start.await();
                    return attempt.test(writer);
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : wins) {
                won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdown();
        }
    }
}
