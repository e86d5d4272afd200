package org.crmkit.segmentation.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.segmentation.rule.Subject;

/**
 * When each customer will buy an item (a product or a category) again (C8). A customer's cycle is the median of
 * the days between their purchase days of the item, which one unusually long gap does not move; a customer with
 * fewer than the minimum number of gaps gets the median over all customers' gaps for the item. The next purchase
 * is predicted one cycle after the latest. Immutable.
 */
public final class RepurchaseCycles {
    private final Map<Key, TreeSet<LocalDate>> days;
    private final Map<String, Integer> population;
    private final int minIntervals;

    private RepurchaseCycles(Map<Key, TreeSet<LocalDate>> days, Map<String, Integer> population, int minIntervals) {
        this.days = days;
        this.population = population;
        this.minIntervals = minIntervals;
    }

    /**
     * One purchase of an item.
     *
     * @param customerId the buyer
     * @param item the product or category
     * @param date the day of purchase
     */
    public record Purchase(CustomerId customerId, String item, LocalDate date) {
        /** Checks for nulls. */
        public Purchase {
            Objects.requireNonNull(customerId, "customerId");
            CardNumbers.requireNoCardNumber("item", Objects.requireNonNull(item, "item"));
            Objects.requireNonNull(date, "date");
        }
    }

    /**
     * A predicted next purchase.
     *
     * @param customerId the customer
     * @param item the item
     * @param lastPurchase the latest purchase day
     * @param cycleDays the cycle used
     * @param personal true when the cycle is the customer's own, false when the population's
     * @param next the predicted day
     */
    public record Prediction(CustomerId customerId, String item, LocalDate lastPurchase, int cycleDays,
                             boolean personal, LocalDate next) {
        /** Checks the item's text. */
        public Prediction {
            Objects.requireNonNull(customerId, "customerId");
            CardNumbers.requireNoCardNumber("item", Objects.requireNonNull(item, "item"));
        }
    }

    private record Key(CustomerId customerId, String item) {
    }

    /**
     * The purchases in a customer's touchpoints, one per line item.
     *
     * @param subject the customer
     * @param item names a line's item, such as {@code LineItem::category} or {@code LineItem::sku}
     * @return the purchases, dated in the customer's zone
     */
    public static List<Purchase> purchases(Subject subject, Function<LineItem, String> item) {
        List<Purchase> out = new ArrayList<>();
        for (Touchpoint t : subject.touchpoints()) {
            if (t.kind().equals(TouchpointKind.PURCHASE)) {
                LocalDate day = LocalDate.ofInstant(t.occurredAt(), subject.zone());
                t.lineItems().forEach(l -> out.add(new Purchase(subject.customer().id(), item.apply(l), day)));
            }
        }
        return out;
    }

    /**
     * Learns cycles from purchases.
     *
     * @param purchases every purchase, in any order; several on one day count as one
     * @param minIntervals the gaps a customer needs for a cycle of their own, at least 1
     * @return the cycles
     */
    public static RepurchaseCycles of(Collection<Purchase> purchases, int minIntervals) {
        if (minIntervals < 1) {
            throw new IllegalArgumentException("minIntervals must be at least 1: " + minIntervals);
        }
        Map<Key, TreeSet<LocalDate>> days = new HashMap<>();
        for (Purchase p : purchases) {
            days.computeIfAbsent(new Key(p.customerId(), p.item()), k -> new TreeSet<>()).add(p.date());
        }
        Map<String, List<Integer>> gaps = new HashMap<>();
        days.forEach((k, set) -> gaps.computeIfAbsent(k.item(), i -> new ArrayList<>()).addAll(intervals(set)));
        Map<String, Integer> population = new HashMap<>();
        gaps.forEach((item, list) -> {
            if (!list.isEmpty()) {
                population.put(item, median(list));
            }
        });
        return new RepurchaseCycles(days, population, minIntervals);
    }

    private static List<Integer> intervals(TreeSet<LocalDate> set) {
        List<Integer> out = new ArrayList<>();
        LocalDate prev = null;
        for (LocalDate d : set) {
            if (prev != null) {
                out.add((int) ChronoUnit.DAYS.between(prev, d));
            }
            prev = d;
        }
        return out;
    }

    /** The median, the mean of the middle two rounded half up for an even count. */
    static int median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2) + 1) / 2;
    }

    /**
     * The population's cycle for an item.
     *
     * @param item the item
     * @return the median gap over all customers; empty when no one bought it twice
     */
    public Optional<Integer> populationCycle(String item) {
        return Optional.ofNullable(population.get(item));
    }

    /**
     * Predicts a customer's next purchase of an item.
     *
     * @param customerId the customer
     * @param item the item
     * @return the prediction; empty when the customer never bought it or no cycle is known
     */
    public Optional<Prediction> predict(CustomerId customerId, String item) {
        TreeSet<LocalDate> set = days.get(new Key(customerId, item));
        if (set == null) {
            return Optional.empty();
        }
        List<Integer> own = intervals(set);
        boolean personal = own.size() >= minIntervals;
        Integer cycle = personal ? Integer.valueOf(median(own)) : population.get(item);
        if (cycle == null || cycle < 1) {
            return Optional.empty();
        }
        LocalDate last = set.last();
        return Optional.of(new Prediction(customerId, item, last, cycle, personal, last.plusDays(cycle)));
    }

    /**
     * The purchases due soon: predicted from {@code from} to {@code from + days}, or overdue by less than one
     * cycle (an item overdue by more has probably been bought elsewhere).
     *
     * @param from the first day
     * @param days the horizon, zero or more
     * @return the predictions, by day then customer then item
     */
    public List<Prediction> dueWithin(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate until = from.plusDays(days);
        List<Prediction> out = new ArrayList<>();
        for (Key k : this.days.keySet()) {
            predict(k.customerId(), k.item()).filter(p -> !p.next().isAfter(until)
                    && p.next().plusDays(p.cycleDays()).isAfter(from)).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(Prediction::next).thenComparing(p -> p.customerId().value())
                .thenComparing(Prediction::item));
        return out;
    }
}
