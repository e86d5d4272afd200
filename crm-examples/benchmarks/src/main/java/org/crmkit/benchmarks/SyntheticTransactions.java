package org.crmkit.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a transaction file of BG/NBD customers for the analyst command's end-to-end measurement: each customer
 * joins on a day in the first twelve weeks of 2025 and, while alive, buys at a gamma(0.5, 4) weekly rate, leaving
 * after each repeat purchase with a beta(0.8, 3) chance, until the end of 2026 (weeks, as in the papers); amounts are
 * gamma distributed around 40. The file is CSV with the header {@code customer_id,date,amount}, customers in turn.
 *
 * <pre>java -cp crm-examples/benchmarks/target/benchmarks.jar org.crmkit.benchmarks.SyntheticTransactions FILE
 *     CUSTOMERS [SEED]</pre>
 */
public final class SyntheticTransactions {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    private SyntheticTransactions() {
    }

    /**
     * Writes the file.
     *
     * @param args the file, the number of customers and optionally a seed (default 1)
     * @throws IOException when the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int customers = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 1);
        long lastDay = END.toEpochDay();
        long rows = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("customer_id,date,amount");
            for (int c = 0; c < customers; c++) {
                String id = String.format(Locale.ROOT, "c%08d", c);
                double rate = gamma(random, 0.5) / 4; // purchases a week
                double p = beta(random, 0.8, 3);
                double day = START.toEpochDay() + random.nextInt(84);
                double spend = gamma(random, 6) * 40 / 6;
                int purchases = 0;
                while (day <= lastDay) {
                    double amount = gamma(random, 10) * spend / 10;
                    w.printf(Locale.ROOT, "%s,%s,%.2f%n", id, LocalDate.ofEpochDay((long) day), amount);
                    rows++;
                    purchases++;
                    if (purchases > 1 && random.nextDouble() < p) {
                        break;
                    }
                    day += 7 * -Math.log(1 - random.nextDouble()) / rate;
                }
            }
        }
        System.err.println(rows + " transactions of " + customers + " customers written to " + file);
    }

    /** Marsaglia and Tsang's method, boosted for shapes below one. */
    private static double gamma(SplittableRandom random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }
}
