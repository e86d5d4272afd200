package org.crmkit.segmentation.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.core.RuleViolationException;

/**
 * Customers' summaries grouped by identical (x, tx, T), with how many customers share each: all that a purchase
 * model's fit reads, and what a database's {@code GROUP BY x, tx, T} gives. A population of any size fits in the
 * memory its distinct rows take (a few thousand for summaries counted in days over a few years). Immutable.
 */
public final class GroupedSummaries {
    private final CompactSummaries compact;

    private GroupedSummaries(CompactSummaries compact) {
        this.compact = compact;
    }

    /**
     * Groups one summary per customer.
     *
     * @param data the summaries
     * @return the groups
     */
    public static GroupedSummaries of(List<RepeatSummary> data) {
        Builder b = builder();
        data.forEach(b::add);
        return b.build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return how many customers the groups hold} */
    public long customers() {
        return (long) compact.customers();
    }

    /** {@return how many distinct (x, tx, T) rows there are} */
    public int rows() {
        return compact.count.length;
    }

    /**
     * One row of the groups.
     *
     * @param x repeat purchases
     * @param tx time of the last purchase
     * @param age age at the cut-off
     * @param customers how many customers share the row
     */
    public record Group(int x, double tx, double age, long customers) {
    }

    /** {@return the rows, ordered by x, then tx, then T} */
    public java.util.List<Group> groups() {
        java.util.List<Group> out = new java.util.ArrayList<>(rows());
        for (int i = 0; i < rows(); i++) {
            out.add(new Group(compact.x[i], compact.tx[i], compact.age[i], (long) compact.count[i]));
        }
        return java.util.List.copyOf(out);
    }

    CompactSummaries compact() {
        return compact;
    }

    /** Refuses groups that cannot identify a purchase model. */
    void requireIdentifiable(String model) {
        if (customers() < 2) {
            throw new RuleViolationException("cannot fit " + model + ": at least two customers are needed, got "
                    + customers());
        }
        if (compact.maxX == 0) {
            throw new RuleViolationException("cannot fit " + model + ": no customer made a repeat purchase");
        }
    }

    /** Collects groups; adding to a row already there adds to its count. Not thread-safe. */
    public static final class Builder {
        private final Map<Row, long[]> rows = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds one customer's summary.
         *
         * @param s the summary
         * @return this builder
         */
        public Builder add(RepeatSummary s) {
            rows.computeIfAbsent(new Row(s.x(), s.tx(), s.age()), k -> new long[1])[0]++;
            return this;
        }

        /**
         * Adds {@code customers} customers who share one summary.
         *
         * @param x repeat purchases
         * @param tx time of the last purchase
         * @param age age at the cut-off
         * @param customers how many customers, at least 1
         * @return this builder
         * @throws RuleViolationException when the numbers cannot belong together, as {@link RepeatSummary} checks,
         *     or the count is not positive
         */
        public Builder add(int x, double tx, double age, long customers) {
            if (x < 0 || !(tx >= 0) || !(age >= tx) || Double.isInfinite(age) || customers < 1) {
                throw new RuleViolationException("a group must have 0 <= x, 0 <= tx <= T finite and at least one "
                        + "customer: x=" + x + ", tx=" + tx + ", T=" + age + ", customers=" + customers);
            }
            rows.computeIfAbsent(new Row(x, tx, age), k -> new long[1])[0] += customers;
            return this;
        }

        /**
         * {@return the groups added so far, ordered by x, then tx, then T}: in that order whatever order they came
         * in, so that a fit over them gives the same numbers, to the last bit, from any source (memory, a
         * database's {@code GROUP BY}, Spark's partitions)
         */
        public GroupedSummaries build() {
            int n = rows.size();
            int[] x = new int[n];
            double[] tx = new double[n];
            double[] age = new double[n];
            double[] count = new double[n];
            int i = 0;
            List<Map.Entry<Row, long[]>> sorted = new ArrayList<>(rows.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Comparator.comparingInt(Row::x).thenComparingDouble(Row::tx)
                    .thenComparingDouble(Row::age)));
            for (Map.Entry<Row, long[]> e : sorted) {
                x[i] = e.getKey().x();
                tx[i] = e.getKey().tx();
                age[i] = e.getKey().age();
                count[i] = e.getValue()[0];
                i++;
            }
            return new GroupedSummaries(new CompactSummaries(x, tx, age, count));
        }
    }

    private record Row(int x, double tx, double age) {
    }
}
