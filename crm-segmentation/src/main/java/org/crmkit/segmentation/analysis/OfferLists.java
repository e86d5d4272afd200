package org.crmkit.segmentation.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.crmkit.core.common.Decimals;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.FactReader;
import org.crmkit.segmentation.rule.FactRef;
import org.crmkit.segmentation.rule.Facts;
import org.crmkit.segmentation.rule.Rule;
import org.crmkit.segmentation.rule.Subject;
import org.crmkit.segmentation.rule.Targeting;

/**
 * Personal shopping lists (C8): on every issue day (every other week by default), each customer whose weekly spend
 * reaches the threshold and who consented to the list's channel gets the items due for repurchase within the
 * horizon that have an offer, each coupon worth the offer's face value times the depth of the customer's value
 * tier. Items are named as the {@link RepurchaseCycles} passed in name them. Immutable and thread-safe.
 */
public final class OfferLists {
    private final Money weeklyThreshold;
    private final Duration spendWindow;
    private final LocalDate firstIssue;
    private final int everyWeeks;
    private final int horizonDays;
    private final Targeting targeting;
    private final Map<String, Offer> offers;
    private final List<DepthTier> depth;
    private final FactReader spendReader;
    private final Rule consented;

    private OfferLists(Builder b) {
        this.weeklyThreshold = Objects.requireNonNull(b.weeklyThreshold, "weeklyThreshold");
        this.spendWindow = b.spendWindow;
        this.firstIssue = Objects.requireNonNull(b.firstIssue, "firstIssue");
        this.everyWeeks = b.everyWeeks;
        this.horizonDays = b.horizonDays;
        this.targeting = Objects.requireNonNull(b.targeting, "targeting");
        Map<String, Offer> byItem = new LinkedHashMap<>();
        b.offers.forEach(o -> byItem.put(o.item(), o));
        this.offers = Map.copyOf(byItem);
        this.depth = List.copyOf(b.depth);
        FactRef weekly = Facts.weeklySpend(spendWindow, weeklyThreshold.currency().getCurrencyCode());
        this.spendReader = FactCatalog.standard().reader(weekly);
        this.consented = FactCatalog.standard().compile(Facts.consent(targeting.purpose(), targeting.channel())
                .isTrue());
    }

    /** {@return a builder; threshold, first issue day and targeting are required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A manufacturer's or the store's offer on an item.
     *
     * @param item the product or category it applies to
     * @param description what the customer reads
     * @param faceValue the coupon's value at depth 1
     * @param funder who pays for it
     */
    public record Offer(String item, String description, Money faceValue, String funder) {
        /** Checks for nulls and a positive value. */
        public Offer {
            CardNumbers.requireNoCardNumber("item", Objects.requireNonNull(item, "item"));
            CardNumbers.requireNoCardNumber("description", Objects.requireNonNull(description, "description"));
            CardNumbers.requireNoCardNumber("funder", Objects.requireNonNull(funder, "funder"));
            if (faceValue.amount().signum() <= 0) {
                throw new IllegalArgumentException("offer faceValue must be positive: " + faceValue);
            }
        }
    }

    /**
     * How deep the offers go for customers ranked within a top share by spend.
     *
     * @param topPercent the tier holds customers ranked within this top share, more than 0 and at most 100
     * @param multiplier the coupon multiplier, at least 1
     */
    public record DepthTier(double topPercent, BigDecimal multiplier) {
        /** Checks the bounds. */
        public DepthTier {
            Decimals.bounded("depth tier multiplier", multiplier);
            if (!(topPercent > 0 && topPercent <= 100) || multiplier.compareTo(BigDecimal.ONE) < 0) {
                throw new IllegalArgumentException("depth tier must be within 0-100% with a multiplier of at "
                        + "least 1: " + topPercent + "%, " + multiplier);
            }
        }
    }

    /**
     * One customer's list.
     *
     * @param customerId the customer
     * @param issuedOn the issue day
     * @param lines the offers, by due day
     * @param couponTotal the sum of the coupons
     */
    public record ShoppingList(CustomerId customerId, LocalDate issuedOn, List<Line> lines, Money couponTotal) {
        /** Copies the lines. */
        public ShoppingList {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a list.
     *
     * @param item the item due
     * @param due when the customer is expected to buy it
     * @param offer the offer's description
     * @param coupon the coupon's value for this customer
     * @param funder who pays for it
     */
    public record Line(String item, LocalDate due, String offer, Money coupon, String funder) {
        /** Checks the texts. */
        public Line {
            CardNumbers.requireNoCardNumber("item", Objects.requireNonNull(item, "item"));
            Objects.requireNonNull(due, "due");
            CardNumbers.requireNoCardNumber("offer", Objects.requireNonNull(offer, "offer"));
            Objects.requireNonNull(coupon, "coupon");
            CardNumbers.requireNoCardNumber("funder", Objects.requireNonNull(funder, "funder"));
        }
    }

    /**
     * Tells whether lists are issued on a day.
     *
     * @param day the day
     * @return true on the first issue day and every {@code everyWeeks} weeks after it
     */
    public boolean isIssueDay(LocalDate day) {
        long days = ChronoUnit.DAYS.between(firstIssue, day);
        return days >= 0 && days % (7L * everyWeeks) == 0;
    }

    /**
     * Builds the lists of an issue day.
     *
     * @param day the issue day
     * @param subjects the customers, evaluated at the start of the day
     * @param cycles the repurchase cycles learned from the same history, by the same item naming
     * @return one list per eligible customer with at least one line, by customer id; empty on other days
     */
    public List<ShoppingList> issue(LocalDate day, Collection<Subject> subjects, RepurchaseCycles cycles) {
        if (!isIssueDay(day)) {
            return List.of();
        }
        Map<CustomerId, BigDecimal> spend = new HashMap<>();
        Set<CustomerId> eligible = new HashSet<>();
        for (Subject s : subjects) {
            BigDecimal weekly = weekly(s);
            spend.put(s.customer().id(), weekly);
            if (weekly.compareTo(weeklyThreshold.amount()) >= 0 && consented.test(s)) {
                eligible.add(s.customer().id());
            }
        }
        Map<CustomerId, BigDecimal> multiplier = multipliers(spend);
        Map<CustomerId, List<Line>> lines = new HashMap<>();
        for (RepurchaseCycles.Prediction p : cycles.dueWithin(day, horizonDays)) {
            Offer offer = offers.get(p.item());
            if (offer == null || !eligible.contains(p.customerId())) {
                continue;
            }
            Money coupon = Money.of(offer.faceValue().amount().multiply(multiplier.get(p.customerId()))
                    .setScale(offer.faceValue().currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN),
                    offer.faceValue().currency().getCurrencyCode());
            lines.computeIfAbsent(p.customerId(), k -> new ArrayList<>())
                    .add(new Line(p.item(), p.next(), offer.description(), coupon, offer.funder()));
        }
        List<ShoppingList> out = new ArrayList<>();
        lines.forEach((id, list) -> {
            Money total = list.stream().map(Line::coupon).reduce(Money::plus).orElseThrow();
            out.add(new ShoppingList(id, day, list, total));
        });
        out.sort(Comparator.comparing(l -> l.customerId().value()));
        return out;
    }

    private BigDecimal weekly(Subject s) {
        Object spend = spendReader.read(s);
        return spend == null ? BigDecimal.ZERO : (BigDecimal) spend;
    }

    private Map<CustomerId, BigDecimal> multipliers(Map<CustomerId, BigDecimal> spend) {
        Map<CustomerId, BigDecimal> out = new HashMap<>();
        spend.keySet().forEach(id -> out.put(id, BigDecimal.ONE));
        if (depth.isEmpty() || spend.values().stream().allMatch(v -> v.signum() <= 0)) {
            return out;
        }
        ValueRanking ranking = ValueRanking.of(spend);
        List<DepthTier> widestFirst = new ArrayList<>(depth);
        widestFirst.sort(Comparator.comparingDouble(DepthTier::topPercent).reversed());
        for (DepthTier tier : widestFirst) {
            ranking.top(tier.topPercent()).forEach(r -> out.put(r.customerId(), tier.multiplier()));
        }
        return out;
    }

    /** Builds the lists' policy. Not thread-safe. */
    public static final class Builder {
        private Money weeklyThreshold;
        private Duration spendWindow = Duration.ofDays(56);
        private LocalDate firstIssue;
        private int everyWeeks = 2;
        private int horizonDays = 14;
        private Targeting targeting;
        private final List<Offer> offers = new ArrayList<>();
        private final List<DepthTier> depth = new ArrayList<>();

        private Builder() {
        }

        /** {@return this builder} @param threshold the weekly spend that earns a list (C8: 25 USD) */
        public Builder weeklyThreshold(Money threshold) {
            this.weeklyThreshold = threshold;
            return this;
        }

        /** {@return this builder} @param window the history weekly spend is averaged over, whole weeks; default 8 weeks */
        public Builder spendWindow(Duration window) {
            if (window.toDays() < 7 || window.toDays() % 7 != 0 || window.toSeconds() % 86_400 != 0) {
                throw new IllegalArgumentException("spendWindow must be whole weeks: " + window);
            }
            this.spendWindow = window;
            return this;
        }

        /**
         * Sets the schedule.
         *
         * @param first the first issue day
         * @param weeks weeks between issues, at least 1; default 2
         * @return this builder
         */
        public Builder schedule(LocalDate first, int weeks) {
            if (weeks < 1) {
                throw new IllegalArgumentException("weeks between issues must be at least 1: " + weeks);
            }
            this.firstIssue = first;
            this.everyWeeks = weeks;
            return this;
        }

        /** {@return this builder} @param days how far ahead an item counts as due; default 14 */
        public Builder horizonDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("horizonDays must not be negative: " + days);
            }
            this.horizonDays = days;
            return this;
        }

        /** {@return this builder} @param use the purpose and channel the list is sent for */
        public Builder targeting(Targeting use) {
            this.targeting = use;
            return this;
        }

        /** {@return this builder} @param offer an offer; a later offer on the same item replaces an earlier one */
        public Builder offer(Offer offer) {
            offers.add(Objects.requireNonNull(offer, "offer"));
            return this;
        }

        /** {@return this builder} @param tier a depth tier; the narrowest tier a customer is in applies */
        public Builder depth(DepthTier tier) {
            depth.add(Objects.requireNonNull(tier, "tier"));
            return this;
        }

        /** {@return the policy} */
        public OfferLists build() {
            return new OfferLists(this);
        }
    }
}
