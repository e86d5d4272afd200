package org.crmkit.loyalty.program;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Decimals;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.internal.Checks;
import org.crmkit.segmentation.rule.Condition;
import org.jspecify.annotations.Nullable;

/**
 * How a touchpoint earns points: a base rate per unit of money or per touchpoint, or a multiplier on the base
 * points of matching lines; limited to touchpoint kinds, line categories or brands, member tiers, a segment rule
 * (eligibility), a validity window (a promotion) and a cap per member. Immutable.
 *
 * <p>A rule's points for one touchpoint are rounded to a whole point by the program's rounding mode, then cut to
 * what is left of the rule's cap.
 */
public final class EarningRule {
    private final String id;
    private final Basis basis;
    private final Set<TouchpointKind> kinds;
    private final Set<String> categories;
    private final Set<String> brands;
    private final Set<String> tiers;
    private final @Nullable Condition eligibility;
    private final @Nullable TimeWindow validity;
    private final long cap;
    private final boolean qualifying;

    private EarningRule(Builder b) {
        this.id = Checks.code("earning rule id", b.id);
        this.basis = Checks.notNull("basis", b.basis);
        this.kinds = Checks.set("kinds", b.kinds, 200);
        this.categories = Checks.set("categories", b.categories, 200);
        this.brands = Checks.set("brands", b.brands, 200);
        this.tiers = Checks.set("tiers", b.tiers, 200);
        this.eligibility = b.eligibility;
        this.validity = b.validity;
        this.cap = Checks.nonNegative("earning rule " + id + " cap", b.cap);
        this.qualifying = b.qualifying;
        if (basis instanceof PerTouchpoint && kinds.isEmpty()) {
            throw new RuleViolationException("earning rule " + id + " per touchpoint must name touchpoint kinds");
        }
        if (basis instanceof PerTouchpoint && !(categories.isEmpty() && brands.isEmpty())) {
            throw new RuleViolationException("earning rule " + id + " per touchpoint must not filter lines");
        }
    }

    /**
     * Starts a rule earning {@code pointsPerUnit} points for each unit of the program's currency spent; by default
     * on purchases, over the touchpoint's amount or, when categories or brands are named, over matching lines.
     *
     * @param id the rule's code
     * @param pointsPerUnit points per currency unit, positive
     * @return a builder
     */
    public static Builder perSpend(String id, BigDecimal pointsPerUnit) {
        return new Builder(id, new PerSpend(pointsPerUnit)).kinds(TouchpointKind.PURCHASE);
    }

    /**
     * Starts a rule earning fixed points for each touchpoint of the given kind (a flight, a stay, a rental).
     *
     * @param id the rule's code
     * @param kind the touchpoint kind
     * @param points points per touchpoint, positive
     * @return a builder
     */
    public static Builder perTouchpoint(String id, TouchpointKind kind, long points) {
        return new Builder(id, new PerTouchpoint(points)).kinds(kind);
    }

    /**
     * Starts a rule adding {@code factor - 1} times the base points earned on matching lines (or on the whole
     * touchpoint when no line filter is given); a factor of 2 doubles points.
     *
     * @param id the rule's code
     * @param factor the multiplier, more than 1
     * @return a builder
     */
    public static Builder multiplier(String id, BigDecimal factor) {
        return new Builder(id, new Multiplier(factor));
    }

    /** {@return a builder holding this rule's values} */
    public Builder toBuilder() {
        Builder b = new Builder(id, basis);
        b.kinds = kinds;
        b.categories = categories;
        b.brands = brands;
        b.tiers = tiers;
        b.eligibility = eligibility;
        b.validity = validity;
        b.cap = cap;
        b.qualifying = qualifying;
        return b;
    }

    /** {@return the rule's code, unique in its program} */
    public String id() {
        return id;
    }

    /** {@return how points are computed} */
    public Basis basis() {
        return basis;
    }

    /** {@return the touchpoint kinds the rule applies to; empty means any} */
    public Set<TouchpointKind> kinds() {
        return kinds;
    }

    /** {@return the line categories the rule applies to; empty means any} */
    public Set<String> categories() {
        return categories;
    }

    /** {@return the line brands the rule applies to; empty means any} */
    public Set<String> brands() {
        return brands;
    }

    /** {@return the member tiers the rule applies to; empty means any} */
    public Set<String> tiers() {
        return tiers;
    }

    /** {@return the segment rule a member must satisfy, if any} */
    public Optional<Condition> eligibility() {
        return Optional.ofNullable(eligibility);
    }

    /** {@return the window in which touchpoints earn under this rule (a promotion), if limited} */
    public Optional<TimeWindow> validity() {
        return Optional.ofNullable(validity);
    }

    /** {@return the most points one member can earn under this rule, or 0 for no cap} */
    public long cap() {
        return cap;
    }

    /** {@return whether the points count toward tier status} */
    public boolean qualifying() {
        return qualifying;
    }

    /** {@return whether the rule filters line items by category or brand} */
    public boolean filtersLines() {
        return !categories.isEmpty() || !brands.isEmpty();
    }

    /**
     * Whether a line of the given category and brand is one this rule applies to.
     *
     * @param category the line's category
     * @param brand the line's brand, or null
     * @return true when it matches both filters
     */
    public boolean matchesLine(String category, @Nullable String brand) {
        return (categories.isEmpty() || categories.contains(category))
                && (brands.isEmpty() || (brand != null && brands.contains(brand)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EarningRule r && id.equals(r.id) && basis.equals(r.basis) && kinds.equals(r.kinds)
                && categories.equals(r.categories) && brands.equals(r.brands) && tiers.equals(r.tiers)
                && Objects.equals(eligibility, r.eligibility) && Objects.equals(validity, r.validity)
                && cap == r.cap && qualifying == r.qualifying;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, basis, kinds, categories, brands, tiers, eligibility, validity, cap, qualifying);
    }

    @Override
    public String toString() {
        return "EarningRule[" + id + " " + basis + (qualifying ? " qualifying" : "") + "]";
    }

    /** How a rule computes points. */
    public sealed interface Basis {
    }

    /**
     * Points per unit of money spent.
     *
     * @param pointsPerUnit positive
     */
    public record PerSpend(BigDecimal pointsPerUnit) implements Basis {
        /** Validates the rate. */
        public PerSpend {
            Decimals.bounded("points per unit", pointsPerUnit);
            if (pointsPerUnit.signum() <= 0) {
                throw new RuleViolationException("points per unit must be positive: " + pointsPerUnit.toPlainString());
            }
            pointsPerUnit = pointsPerUnit.stripTrailingZeros();
        }
    }

    /**
     * Fixed points per touchpoint.
     *
     * @param points positive
     */
    public record PerTouchpoint(long points) implements Basis {
        /** Validates the points. */
        public PerTouchpoint {
            Checks.positive("points per touchpoint", points);
        }
    }

    /**
     * A multiplier on base points.
     *
     * @param factor more than 1
     */
    public record Multiplier(BigDecimal factor) implements Basis {
        /** Validates the factor. */
        public Multiplier {
            Decimals.bounded("multiplier factor", factor);
            if (factor.compareTo(BigDecimal.ONE) <= 0) {
                throw new RuleViolationException("multiplier factor must be more than 1: " + factor.toPlainString());
            }
            factor = factor.stripTrailingZeros();
        }
    }

    /** Builds an {@link EarningRule}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Basis basis;
        private Collection<TouchpointKind> kinds = Set.of();
        private Collection<String> categories = Set.of();
        private Collection<String> brands = Set.of();
        private Collection<String> tiers = Set.of();
        private @Nullable Condition eligibility;
        private @Nullable TimeWindow validity;
        private long cap;
        private boolean qualifying;

        private Builder(String id, Basis basis) {
            this.id = Checks.code("earning rule id", id); // at once, so that a bad id fails where it is given
            this.basis = basis;
        }

        /** @param values the touchpoint kinds; none means any @return this builder */
        public Builder kinds(TouchpointKind... values) {
            this.kinds = Arrays.asList(values);
            return this;
        }

        /** @param values the line categories; none means any @return this builder */
        public Builder categories(String... values) {
            this.categories = Arrays.asList(values);
            return this;
        }

        /** @param values the line brands; none means any @return this builder */
        public Builder brands(String... values) {
            this.brands = Arrays.asList(values);
            return this;
        }

        /** @param values the member tiers; none means any @return this builder */
        public Builder tiers(String... values) {
            this.tiers = Arrays.asList(values);
            return this;
        }

        /** @param value the segment rule a member must satisfy, or null for everyone @return this builder */
        public Builder eligibility(@Nullable Condition value) {
            this.eligibility = value;
            return this;
        }

        /** @param value the promotion's window of touchpoint times, or null for always @return this builder */
        public Builder validity(@Nullable TimeWindow value) {
            this.validity = value;
            return this;
        }

        /** @param value the most points per member, or 0 for no cap @return this builder */
        public Builder cap(long value) {
            this.cap = value;
            return this;
        }

        /** @param value whether the points count toward tier status @return this builder */
        public Builder qualifying(boolean value) {
            this.qualifying = value;
            return this;
        }

        /** {@return the validated rule} */
        public EarningRule build() {
            return new EarningRule(this);
        }
    }
}
