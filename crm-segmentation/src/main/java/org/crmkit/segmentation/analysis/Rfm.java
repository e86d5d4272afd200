package org.crmkit.segmentation.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.Decimals;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactReader;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Subject;

/**
 * Recency, frequency and monetary scores from 1 to 5 by quintile, and the usual named groups. A customer's score on
 * a measure is 1 + 5 * (customers strictly worse on it) / (all customers), so the scores split the population in
 * fifths and equal values always share a score, whatever the order of the input. Recency is better when lower.
 * Monetary values are ranked as {@code double}, exact for amounts of up to 15 significant digits.
 */
public final class Rfm {
    private Rfm() {
    }

    /**
     * One customer's measures.
     *
     * @param customerId the customer
     * @param recencyDays whole days since the latest purchase, zero or more
     * @param frequency purchases counted, zero or more
     * @param monetary spend counted
     */
    public record Input(CustomerId customerId, int recencyDays, int frequency, BigDecimal monetary) {
        /** Checks the measures. */
        public Input {
            Objects.requireNonNull(customerId, "customerId");
            Decimals.bounded("monetary", monetary);
            if (recencyDays < 0 || frequency < 0) {
                throw new IllegalArgumentException("recencyDays and frequency must not be negative: "
                        + recencyDays + ", " + frequency);
            }
        }

        /**
         * Measures a customer's purchases up to the subject's instant: days since the latest, their number, and
         * their spend in one currency.
         *
         * @param subject the customer
         * @param currency the currency counted
         * @return the measures; empty for a customer who never bought
         */
        public static java.util.Optional<Input> of(Subject subject, Currency currency) {
            FactReader recency = FactCatalog.standard().reader(Facts.daysSinceLastPurchase());
            Object days = recency.read(subject);
            if (days == null) {
                return java.util.Optional.empty();
            }
            FactReader count = FactCatalog.standard().reader(FactRef.of(Facts.TOUCHPOINT_COUNT)
                    .with("kind", "purchase"));
            FactReader spend = FactCatalog.standard().reader(FactRef.of(Facts.SPEND)
                    .with("currency", currency.getCurrencyCode()));
            return java.util.Optional.of(new Input(subject.customer().id(), ((BigDecimal) days).intValueExact(),
                    ((BigDecimal) count.read(subject)).intValueExact(), (BigDecimal) spend.read(subject)));
        }
    }

    /**
     * A customer's scores.
     *
     * @param customerId the customer
     * @param recency 1 to 5, 5 the most recent
     * @param frequency 1 to 5, 5 the most frequent
     * @param monetary 1 to 5, 5 the highest spend
     */
    public record Score(CustomerId customerId, int recency, int frequency, int monetary) {
        /** Checks the scores. */
        public Score {
            Objects.requireNonNull(customerId, "customerId");
            if (recency < 1 || recency > 5 || frequency < 1 || frequency > 5 || monetary < 1 || monetary > 5) {
                throw new IllegalArgumentException("scores must be 1 to 5: " + recency + frequency + monetary);
            }
        }

        /** {@return the three digits, such as {@code 545}} */
        public String code() {
            return "" + recency + frequency + monetary;
        }

        /** {@return the named group of the recency and frequency scores} */
        public RfmGroup group() {
            return RfmGroup.of(recency, frequency);
        }
    }

    /**
     * Scores customers against each other.
     *
     * @param inputs every customer's measures
     * @return the scores, in input order
     */
    public static List<Score> score(List<Input> inputs) {
        int n = inputs.size();
        long[] recency = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        for (int i = 0; i < n; i++) {
            Input in = inputs.get(i);
            recency[i] = -in.recencyDays();
            frequency[i] = in.frequency();
            monetary[i] = sortable(in.monetary().doubleValue());
        }
        int[] r = quintiles(recency);
        int[] f = quintiles(frequency);
        int[] m = quintiles(monetary);
        List<Score> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Score(inputs.get(i).customerId(), r[i], f[i], m[i]));
        }
        return out;
    }

    /** Maps a double to a long with the same order. */
    private static long sortable(double d) {
        long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
        return bits < 0 ? bits ^ Long.MAX_VALUE : bits;
    }

    /** Scores 1 to 5: 1 + 5 * (values strictly lower) / n, higher values better. */
    static int[] quintiles(long[] values) {
        int n = values.length;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int lower = lowerBound(sorted, values[i]);
            scores[i] = 1 + (int) (5L * lower / n);
        }
        return scores;
    }

    private static int lowerBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
