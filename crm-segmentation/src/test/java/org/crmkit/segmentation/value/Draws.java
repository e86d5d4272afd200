package org.crmkit.segmentation.value;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.crmkit.core.customer.CustomerId;

/** Customers drawn from the value models' own stories, with known parameters, for fits to give back. */
final class Draws {
    private Draws() {
    }

    /** BG/NBD customers: Poisson purchases at a gamma rate, leaving after each repeat purchase with a beta chance. */
    static List<RepeatSummary> bgNbd(double r, double alpha, double a, double b, int n, double weeks, long seed) {
        return buyers(r, alpha, a, b, n, weeks, seed, false);
    }

    /** MBG/NBD customers: as BG/NBD, but the first purchase too may be the last. */
    static List<RepeatSummary> mbgNbd(double r, double alpha, double a, double b, int n, double weeks, long seed) {
        return buyers(r, alpha, a, b, n, weeks, seed, true);
    }

    private static List<RepeatSummary> buyers(double r, double alpha, double a, double b, int n, double weeks,
                                              long seed, boolean mayLeaveAtOnce) {
        SplittableRandom random = new SplittableRandom(seed);
        List<RepeatSummary> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double lambda = gamma(random, r) / alpha;
            double p = beta(random, a, b);
            double t = 0;
            double last = 0;
            int x = 0;
            boolean alive = !(mayLeaveAtOnce && random.nextDouble() < p);
            while (alive) {
                t += -Math.log(1 - random.nextDouble()) / lambda;
                if (t > weeks) {
                    break;
                }
                x++;
                last = t;
                alive = random.nextDouble() >= p;
            }
            out.add(new RepeatSummary(CustomerId.of("c" + i), x, last, weeks, 0));
        }
        return out;
    }

    /** BG/BB histories over {@code opportunities}, grouped. */
    static List<BgBb.History> bgBb(double alpha, double beta, double gamma, double delta, int n, int opportunities,
                                   long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[][] counts = new long[opportunities + 1][opportunities + 1];
        for (int i = 0; i < n; i++) {
            double p = beta(random, alpha, beta);
            double theta = beta(random, gamma, delta);
            int x = 0;
            int tx = 0;
            for (int t = 1; t <= opportunities; t++) {
                if (random.nextDouble() < theta) {
                    break;
                }
                if (random.nextDouble() < p) {
                    x++;
                    tx = t;
                }
            }
            counts[x][tx]++;
        }
        List<BgBb.History> out = new ArrayList<>();
        for (int x = 0; x <= opportunities; x++) {
            for (int tx = 0; tx <= opportunities; tx++) {
                if (counts[x][tx] > 0) {
                    out.add(new BgBb.History(x, tx, opportunities, counts[x][tx]));
                }
            }
        }
        return out;
    }

    /** A cohort of sBG subscribers: survivors after each of {@code periods}, the cohort's size first. */
    static long[] shiftedBetaGeometric(double alpha, double beta, int n, int periods, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] survivors = new long[periods + 1];
        for (int i = 0; i < n; i++) {
            double churn = beta(random, alpha, beta);
            survivors[0]++;
            for (int t = 1; t <= periods && random.nextDouble() >= churn; t++) {
                survivors[t]++;
            }
        }
        return survivors;
    }

    /** Marsaglia and Tsang's method, boosted for shapes below one. */
    static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    private static double normal(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
