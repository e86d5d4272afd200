package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.CustomerId;

/**
 * A customer's purchases up to a calibration cut-off, as the value models read them: the number of repeat
 * purchases {@code x}, the time of the last purchase {@code tx} and the customer's age {@code T}, both counted from
 * the first purchase, and the mean value of the repeat purchases. Purchases on the same day count as one.
 * Immutable.
 *
 * @param customerId the customer
 * @param x repeat purchase days (purchase days after the first)
 * @param tx time from the first to the last purchase day, in the chosen unit
 * @param age time from the first purchase day to the cut-off ({@code T} in the papers)
 * @param meanRepeatValue mean value of the repeat purchase days; 0 when {@code x} is 0
 */
public record RepeatSummary(CustomerId customerId, int x, double tx, double age, double meanRepeatValue) {
    /** Customers in the order of their ids' text. */
    private static final Comparator<CustomerId> BY_ID = Comparator.comparing(CustomerId::value);

    /**
     * Validates the summary.
     *
     * @throws RuleViolationException when the numbers cannot belong together
     */
    public RepeatSummary {
        Objects.requireNonNull(customerId, "customerId");
        if (x < 0 || !(tx >= 0) || !(age >= tx) || !(meanRepeatValue >= 0)) {
            throw new RuleViolationException("summary of " + customerId + " must have 0 <= x, 0 <= tx <= T and a "
                    + "non-negative mean: x=" + x + ", tx=" + tx + ", T=" + age + ", mean=" + meanRepeatValue);
        }
    }

    /**
     * Summarises transactions at a cut-off. Customers whose first purchase is after the cut-off are left out.
     *
     * @param transactions purchases, in any order
     * @param cutoff the last day of the calibration period
     * @param unit the unit of {@code tx} and {@code age}, such as {@link ChronoUnit#WEEKS}
     * @return one summary per customer, ordered by customer id
     */
    public static List<RepeatSummary> of(Collection<Transaction> transactions, LocalDate cutoff, ChronoUnit unit) {
        Objects.requireNonNull(transactions, "transactions");
        Summariser summariser = summariser(cutoff, unit);
        transactions.forEach(summariser);
        return summariser.summaries();
    }

    /**
     * How many days one unit of a summary's times is, for summaries counted in days elsewhere (in a database).
     *
     * @param unit the unit, a day or longer
     * @return the days in it
     * @throws RuleViolationException when the unit is shorter than a day
     */
    public static double daysIn(ChronoUnit unit) {
        Objects.requireNonNull(unit, "unit");
        double days = unit.getDuration().getSeconds() / 86_400.0;
        if (days <= 0 || unit.isTimeBased() && days < 1) {
            throw new RuleViolationException("unit must be a day or longer: " + unit);
        }
        return days;
    }

    /**
     * A summariser that takes transactions one at a time, for files and streams too large to hold: it keeps per
     * customer only their purchase days and two totals, not the transactions.
     *
     * @param cutoff the last day of the calibration period
     * @param unit the unit of {@code tx} and {@code age}, a day or longer
     * @return an empty summariser
     * @throws RuleViolationException when the unit is shorter than a day
     */
    public static Summariser summariser(LocalDate cutoff, ChronoUnit unit) {
        return new Summariser(cutoff, unit);
    }

    /**
     * Summarises transactions fed one at a time, in any order, into the summaries {@link RepeatSummary#of} gives
     * for the same transactions. Not thread-safe: one thread feeds it, then asks for the summaries.
     */
    public static final class Summariser implements Consumer<Transaction> {
        private final int cutoff;
        private final double days;
        private final Map<CustomerId, Purchases> customers = new HashMap<>();

        private Summariser(LocalDate cutoff, ChronoUnit unit) {
            Objects.requireNonNull(cutoff, "cutoff");
            days = daysIn(unit);
            this.cutoff = Math.toIntExact(cutoff.toEpochDay());
        }

        /** Takes one purchase; one after the cut-off is left out. */
        @Override
        public void accept(Transaction t) {
            int day = Math.toIntExact(t.date().toEpochDay());
            if (day <= cutoff) {
                customers.computeIfAbsent(t.customerId(), k -> new Purchases()).add(day, t.amount());
            }
        }

        /** {@return how many customers have a purchase by the cut-off so far} */
        public int customers() {
            return customers.size();
        }

        /** {@return one summary per customer with a purchase by the cut-off, ordered by customer id} */
        public List<RepeatSummary> summaries() {
            List<Map.Entry<CustomerId, Purchases>> sorted = new ArrayList<>(customers.entrySet());
            sorted.sort(Map.Entry.comparingByKey(BY_ID));
            List<RepeatSummary> out = new ArrayList<>(sorted.size());
            for (Map.Entry<CustomerId, Purchases> e : sorted) {
                out.add(e.getValue().summary(e.getKey(), cutoff, days));
            }
            return List.copyOf(out);
        }
    }

    /** One customer's purchase days (repeats allowed until summarised) and totals. */
    private static final class Purchases {
        private int[] days = new int[4];
        private int size;
        private int first = Integer.MAX_VALUE;
        private BigDecimal total = BigDecimal.ZERO;
        private BigDecimal firstDayTotal = BigDecimal.ZERO;

        void add(int day, BigDecimal amount) {
            if (size == 0 || days[size - 1] != day) {
                if (size == days.length) {
                    days = Arrays.copyOf(days, size * 2);
                }
                days[size++] = day;
            }
            total = total.add(amount);
            if (day < first) {
                first = day;
                firstDayTotal = amount;
            } else if (day == first) {
                firstDayTotal = firstDayTotal.add(amount);
            }
        }

        RepeatSummary summary(CustomerId id, int cutoff, double unit) {
            Arrays.sort(days, 0, size);
            int distinct = 1;
            for (int i = 1; i < size; i++) {
                if (days[i] != days[i - 1]) {
                    distinct++;
                }
            }
            int x = distinct - 1;
            // Divide in decimal: money totals such as 622.55 / 10 must give 62.255, not 62.25499...
            double mean = x == 0 ? 0.0 : total.subtract(firstDayTotal).divide(BigDecimal.valueOf(x),
                    MathContext.DECIMAL64).doubleValue();
            return new RepeatSummary(id, x, (days[size - 1] - first) / unit, (cutoff - first) / unit, mean);
        }
    }
}
