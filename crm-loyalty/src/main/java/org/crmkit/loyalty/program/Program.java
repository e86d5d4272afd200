package org.crmkit.loyalty.program;

import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.loyalty.internal.Checks;

import java.util.Currency;

/**
 * A loyalty program: its unit (points, miles), the currency spend is counted in, earning rules, redemption
 * catalogue, expiry policy, tiers and the policies that govern them. Immutable; a change is a new
 * {@link #revise revision}.
 *
 * <p>A program holds at most 200 earning rules, 1,000 rewards and 20 tiers (and a member at most 1,000 tier
 * changes and 100 agreements), so that a program or member document stays small enough to read back.
 *
 * <p>Tiers are listed from the lowest, which has no threshold, to the highest. Earning rules apply in the order
 * listed; multipliers act on the base points of the rules before them.
 */
public final class Program {
    private final String id;
    private final int version;
    private final String name;
    private final String unit;
    private final Currency currency;
    private final ZoneId zone;
    private final RoundingMode rounding;
    private final List<EarningRule> earningRules;
    private final List<Reward> rewards;
    private final ExpiryPolicy expiry;
    private final List<Tier> tiers;
    private final QualificationPeriod qualification;
    private final boolean softLanding;
    private final ReversalPolicy reversalPolicy;
    private final TierOnReversal tierOnReversal;
    private final int expiryNoticeDays;

    private Program(Builder b) {
        this.id = Checks.code("program id", b.id);
        if (b.version < 1) {
            throw new RuleViolationException("program version must be positive: " + b.version);
        }
        this.version = b.version;
        this.name = Checks.text("program name", b.name, 200);
        this.unit = Checks.code("program unit", b.unit);
        this.currency = Checks.notNull("currency", b.currency);
        this.zone = Checks.notNull("zone", b.zone);
        this.rounding = Checks.notNull("rounding", b.rounding);
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new RuleViolationException("rounding must say how to round: UNNECESSARY");
        }
        this.earningRules = Checks.list("earningRules", b.earningRules, 200);
        this.rewards = Checks.list("rewards", b.rewards, 1_000);
        this.expiry = Checks.notNull("expiry", b.expiry);
        this.tiers = Checks.list("tiers", b.tiers, 20);
        this.qualification = Checks.notNull("qualification", b.qualification);
        this.softLanding = b.softLanding;
        this.reversalPolicy = Checks.notNull("reversalPolicy", b.reversalPolicy);
        this.tierOnReversal = Checks.notNull("tierOnReversal", b.tierOnReversal);
        this.expiryNoticeDays = b.expiryNoticeDays;
        if (expiryNoticeDays < 0 || expiryNoticeDays > 3_650) {
            throw new RuleViolationException("expiryNoticeDays must be 0 to 3650: " + expiryNoticeDays);
        }
        unique("earning rule id", earningRules.stream().map(EarningRule::id).toList());
        unique("reward code", rewards.stream().map(Reward::code).toList());
        unique("tier name", tiers.stream().map(Tier::name).toList());
        if (tiers.isEmpty()) {
            throw new RuleViolationException("program " + id + " must have at least one tier");
        }
        if (!tiers.get(0).isBase()) {
            throw new RuleViolationException("the lowest tier must have no threshold: " + tiers.get(0).name());
        }
        for (Tier t : tiers.subList(1, tiers.size())) {
            if (t.isBase()) {
                throw new RuleViolationException("tier " + t.name() + " above the lowest must have a threshold");
            }
        }
        for (EarningRule r : earningRules) {
            for (String t : r.tiers()) {
                if (tier(t).isEmpty()) {
                    throw new RuleViolationException("earning rule " + r.id() + " names an unknown tier: " + t);
                }
            }
        }
    }

    private static void unique(String field, Collection<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new RuleViolationException(field + " must be unique: " + v);
            }
        }
    }

    /**
     * Starts a program.
     *
     * @param id the program's code
     * @param name its display name
     * @param currency the currency spend is counted in
     * @return a builder with a single base tier named {@code member}, no expiry, rounding down, calendar-year
     *         qualification and the partial-clawback reversal policy
     */
    public static Builder builder(String id, String name, Currency currency) {
        return new Builder(id, name, currency);
    }

    /** {@return a builder holding this program's values} */
    public Builder toBuilder() {
        Builder b = new Builder(id, name, currency);
        b.version = version;
        b.unit = unit;
        b.zone = zone;
        b.rounding = rounding;
        b.earningRules = earningRules;
        b.rewards = rewards;
        b.expiry = expiry;
        b.tiers = tiers;
        b.qualification = qualification;
        b.softLanding = softLanding;
        b.reversalPolicy = reversalPolicy;
        b.tierOnReversal = tierOnReversal;
        b.expiryNoticeDays = expiryNoticeDays;
        return b;
    }

    /**
     * The next revision of this program.
     *
     * @param edit changes to make
     * @return the program with the changes and the next version
     */
    public Program revise(UnaryOperator<Builder> edit) {
        Builder b = edit.apply(toBuilder());
        b.version = version + 1;
        return b.build();
    }

    /** {@return the program's code} */
    public String id() {
        return id;
    }

    /** {@return the revision, from 1} */
    public int version() {
        return version;
    }

    /** {@return the display name} */
    public String name() {
        return name;
    }

    /** {@return what the program calls its points, such as {@code miles}} */
    public String unit() {
        return unit;
    }

    /** {@return the currency spend is counted in} */
    public Currency currency() {
        return currency;
    }

    /** {@return the zone in which dates (expiry, periods) are reckoned} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return how fractional points are rounded} */
    public RoundingMode rounding() {
        return rounding;
    }

    /** {@return the earning rules in the order they apply} */
    public List<EarningRule> earningRules() {
        return earningRules;
    }

    /** {@return the redemption catalogue} */
    public List<Reward> rewards() {
        return rewards;
    }

    /** {@return the expiry policy} */
    public ExpiryPolicy expiry() {
        return expiry;
    }

    /** {@return the tiers from the lowest to the highest} */
    public List<Tier> tiers() {
        return tiers;
    }

    /** {@return the period over which tier thresholds are counted} */
    public QualificationPeriod qualification() {
        return qualification;
    }

    /** {@return whether a review lowers a tier by at most one level} */
    public boolean softLanding() {
        return softLanding;
    }

    /** {@return what a reversal does with points already spent} */
    public ReversalPolicy reversalPolicy() {
        return reversalPolicy;
    }

    /** {@return when a tier earned by reversed counts falls} */
    public TierOnReversal tierOnReversal() {
        return tierOnReversal;
    }

    /** {@return how many days ahead members are told of points about to expire; 0 for never} */
    public int expiryNoticeDays() {
        return expiryNoticeDays;
    }

    /** {@return whether the balance may go below zero (only through reversals)} */
    public boolean allowsNegativeBalance() {
        return reversalPolicy == ReversalPolicy.NEGATIVE_BALANCE;
    }

    /**
     * Finds a tier by name.
     *
     * @param name the tier's code
     * @return the tier, or empty
     */
    public Optional<Tier> tier(String name) {
        Objects.requireNonNull(name, "name");
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * The rank of a tier: 0 for the lowest.
     *
     * @param name the tier's code
     * @return the rank
     * @throws RuleViolationException when the program has no such tier
     */
    public int rank(String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new RuleViolationException("program " + id + " has no tier " + Checks.quoted(name));
    }

    /**
     * The benefits of a tier.
     *
     * @param tierName the tier's code
     * @return its benefit codes
     * @throws RuleViolationException when the program has no such tier
     */
    public Set<String> benefits(String tierName) {
        return tiers.get(rank(tierName)).benefits();
    }

    /**
     * Finds a reward in the catalogue.
     *
     * @param code the reward's code
     * @return the reward, or empty
     */
    public Optional<Reward> reward(String code) {
        Objects.requireNonNull(code, "code");
        return rewards.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /**
     * Checks that an amount is in the program's currency.
     *
     * @param field what the amount is, for the message
     * @param amount the amount
     * @return the amount
     * @throws RuleViolationException when the currency differs
     */
    public Money requireCurrency(String field, Money amount) {
        if (!amount.currency().equals(currency)) {
            throw new RuleViolationException(field + " must be in the program currency " + currency + ": " + amount);
        }
        return amount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program p && id.equals(p.id) && version == p.version && name.equals(p.name)
                && unit.equals(p.unit) && currency.equals(p.currency) && zone.equals(p.zone)
                && rounding == p.rounding && earningRules.equals(p.earningRules) && rewards.equals(p.rewards)
                && expiry.equals(p.expiry) && tiers.equals(p.tiers) && qualification == p.qualification
                && softLanding == p.softLanding && reversalPolicy == p.reversalPolicy
                && tierOnReversal == p.tierOnReversal && expiryNoticeDays == p.expiryNoticeDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, name, unit, currency, zone, rounding, earningRules, rewards, expiry, tiers,
                qualification, softLanding, reversalPolicy, tierOnReversal, expiryNoticeDays);
    }

    @Override
    public String toString() {
        return "Program[" + id + " v" + version + ", " + tiers.size() + " tiers, " + earningRules.size() + " rules]";
    }

    /** Builds a {@link Program}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String name;
        private final Currency currency;
        private int version = 1;
        private String unit = "points";
        private ZoneId zone = ZoneId.of("UTC");
        private RoundingMode rounding = RoundingMode.DOWN;
        private Collection<EarningRule> earningRules = List.of();
        private Collection<Reward> rewards = List.of();
        private ExpiryPolicy expiry = ExpiryPolicy.never();
        private Collection<Tier> tiers = List.of(Tier.base("member"));
        private QualificationPeriod qualification = QualificationPeriod.CALENDAR_YEAR;
        private boolean softLanding;
        private ReversalPolicy reversalPolicy = ReversalPolicy.PARTIAL_CLAWBACK;
        private TierOnReversal tierOnReversal = TierOnReversal.AT_REVIEW;
        private int expiryNoticeDays;

        private Builder(String id, String name, Currency currency) {
            this.id = Checks.code("program id", id); // at once, where it is given
            this.name = Checks.text("program name", name, 200);
            this.currency = currency;
        }

        /** @param value the revision, from 1 @return this builder */
        public Builder version(int value) {
            this.version = value;
            return this;
        }

        /** @param value what the program calls its points @return this builder */
        public Builder unit(String value) {
            this.unit = value;
            return this;
        }

        /** @param value the zone for dates @return this builder */
        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        /** @param value how fractional points are rounded @return this builder */
        public Builder rounding(RoundingMode value) {
            this.rounding = value;
            return this;
        }

        /** @param values the earning rules in order @return this builder */
        public Builder earningRules(Collection<EarningRule> values) {
            this.earningRules = values;
            return this;
        }

        /** @param values the earning rules in order @return this builder */
        public Builder earningRules(EarningRule... values) {
            return earningRules(List.of(values));
        }

        /** @param values the redemption catalogue @return this builder */
        public Builder rewards(Collection<Reward> values) {
            this.rewards = values;
            return this;
        }

        /** @param value the expiry policy @return this builder */
        public Builder expiry(ExpiryPolicy value) {
            this.expiry = value;
            return this;
        }

        /** @param values the tiers from the lowest @return this builder */
        public Builder tiers(Collection<Tier> values) {
            this.tiers = values;
            return this;
        }

        /** @param values the tiers from the lowest @return this builder */
        public Builder tiers(Tier... values) {
            return tiers(List.of(values));
        }

        /** @param value the qualification period @return this builder */
        public Builder qualification(QualificationPeriod value) {
            this.qualification = value;
            return this;
        }

        /** @param value whether reviews lower a tier by at most one level @return this builder */
        public Builder softLanding(boolean value) {
            this.softLanding = value;
            return this;
        }

        /** @param value what reversals do with spent points @return this builder */
        public Builder reversalPolicy(ReversalPolicy value) {
            this.reversalPolicy = value;
            return this;
        }

        /** @param value when a tier earned by reversed counts falls; at review by default @return this builder */
        public Builder tierOnReversal(TierOnReversal value) {
            this.tierOnReversal = value;
            return this;
        }

        /**
         * @param value how many days ahead members are told of points about to expire, 0 (never) to 3650
         * @return this builder
         */
        public Builder expiryNoticeDays(int value) {
            this.expiryNoticeDays = value;
            return this;
        }

        /** {@return the validated program} */
        public Program build() {
            return new Program(this);
        }
    }
}
