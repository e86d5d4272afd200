package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
        Objects.requireNonNull(cutoff, "cutoff");
        double days = unit.getDuration().getSeconds() / 86_400.0;
        if (days <= 0 || unit.isTimeBased() && days < 1) {
            throw new RuleViolationException("unit must be a day or longer: " + unit);
        }
        Map<CustomerId, TreeMap<LocalDate, BigDecimal>> byCustomer = new TreeMap<>(BY_ID);
        for (Transaction t : transactions) {
            if (!t.date().isAfter(cutoff)) {
                byCustomer.computeIfAbsent(t.customerId(), k -> new TreeMap<>()).merge(t.date(), t.amount(),
                        BigDecimal::add);
            }
        }
        List<RepeatSummary> out = new ArrayList<>(byCustomer.size());
        for (Map.Entry<CustomerId, TreeMap<LocalDate, BigDecimal>> e : byCustomer.entrySet()) {
            TreeMap<LocalDate, BigDecimal> purchaseDays = e.getValue();
            LocalDate first = purchaseDays.firstKey();
            LocalDate last = purchaseDays.lastKey();
            int x = purchaseDays.size() - 1;
            BigDecimal repeat = BigDecimal.ZERO;
            for (BigDecimal v : purchaseDays.tailMap(first, false).values()) {
                repeat = repeat.add(v);
            }
            // Divide in decimal: money totals such as 622.55 / 10 must give 62.255, not 62.25499...
            double mean = x == 0 ? 0.0
                    : repeat.divide(BigDecimal.valueOf(x), java.math.MathContext.DECIMAL64).doubleValue();
            out.add(new RepeatSummary(e.getKey(), x, ChronoUnit.DAYS.between(first, last) / days,
                    ChronoUnit.DAYS.between(first, cutoff) / days, mean));
        }
        return List.copyOf(out);
    }
}
