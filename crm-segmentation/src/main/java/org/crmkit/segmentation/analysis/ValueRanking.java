package org.crmkit.segmentation.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;

/**
 * Customers ranked by value (revenue or margin), highest first, ties in id order: the top N% and its share of the
 * total (C12: the most profitable 10%), and the Pareto curve. Immutable.
 */
public final class ValueRanking {
    private static final MathContext SHARE = new MathContext(12, RoundingMode.HALF_EVEN);

    private final List<Ranked> ranked;
    private final BigDecimal[] cumulative;
    private final BigDecimal total;

    private ValueRanking(List<Ranked> ranked) {
        this.ranked = List.copyOf(ranked);
        this.cumulative = new BigDecimal[ranked.size() + 1];
        cumulative[0] = BigDecimal.ZERO;
        for (int i = 0; i < ranked.size(); i++) {
            cumulative[i + 1] = cumulative[i].add(ranked.get(i).value());
        }
        this.total = cumulative[ranked.size()];
    }

    /**
     * Ranks customers.
     *
     * @param values each customer's value
     * @return the ranking
     * @throws IllegalArgumentException when there are no customers or the total is not positive
     */
    public static ValueRanking of(Map<CustomerId, BigDecimal> values) {
        List<Ranked> list = new ArrayList<>(values.size());
        values.forEach((id, v) -> list.add(new Ranked(0, id, v)));
        list.sort(Comparator.comparing(Ranked::value).reversed()
                .thenComparing(r -> r.customerId().value()));
        List<Ranked> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new Ranked(i + 1, list.get(i).customerId(), list.get(i).value()));
        }
        ValueRanking ranking = new ValueRanking(out);
        if (out.isEmpty() || ranking.total.signum() <= 0) {
            throw new IllegalArgumentException("ranking needs customers with a positive total value: "
                    + ranking.total);
        }
        return ranking;
    }

    /** {@return every customer, highest value first} */
    public List<Ranked> ranked() {
        return ranked;
    }

    /** {@return the sum of all values} */
    public BigDecimal total() {
        return total;
    }

    /**
     * The customers in the top share of the ranking.
     *
     * @param percent more than 0 and at most 100; the count is rounded up, so at least one customer
     * @return the top customers, highest first
     */
    public List<Ranked> top(double percent) {
        return ranked.subList(0, topCount(percent));
    }

    /**
     * The share of the total value held by the top customers.
     *
     * @param percent more than 0 and at most 100
     * @return their value divided by the total, to 12 significant digits
     */
    public BigDecimal topShare(double percent) {
        return cumulative[topCount(percent)].divide(total, SHARE);
    }

    private int topCount(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be more than 0 and at most 100: " + percent);
        }
        return (int) Math.min(ranked.size(), Math.ceil(ranked.size() * percent / 100 - 1e-9));
    }

    /**
     * The Pareto curve: after each of {@code points} equal steps through the ranking, the share of customers
     * and the share of value they hold.
     *
     * @param points how many points, at least 1
     * @return the points, from the first step to all customers
     */
    public List<CurvePoint> paretoCurve(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("points must be at least 1: " + points);
        }
        List<CurvePoint> out = new ArrayList<>(points);
        int n = ranked.size();
        for (int p = 1; p <= points; p++) {
            int count = (int) ((long) n * p / points);
            out.add(new CurvePoint(BigDecimal.valueOf(count).divide(BigDecimal.valueOf(n), SHARE),
                    cumulative[count].divide(total, SHARE)));
        }
        return out;
    }

    /**
     * One customer's place.
     *
     * @param rank 1 for the highest value
     * @param customerId the customer
     * @param value the value ranked by
     */
    public record Ranked(int rank, CustomerId customerId, BigDecimal value) {
        /** Checks for nulls. */
        public Ranked {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A point of the Pareto curve.
     *
     * @param customerShare the share of customers, 0 to 1
     * @param valueShare the share of the total value they hold
     */
    public record CurvePoint(BigDecimal customerShare, BigDecimal valueShare) {
    }
}
