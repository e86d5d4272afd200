package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;

import org.crmkit.segmentation.rule.FactDefinition;
import org.crmkit.segmentation.rule.FactProvider;
import org.crmkit.segmentation.rule.FactType;
import org.crmkit.segmentation.rule.Subject;

/**
 * One customer's scores from fitted value models, keyed by the customer's id from the purchases they were
 * computed from to the segment fact, attached to that customer's {@link Subject} with {@link #attachTo} so that
 * rules can test them as the facts
 * {@code value.probabilityAlive}, {@code value.expectedPurchases}, {@code value.lifetimeValue} and, once ranked
 * with {@link #withDeciles(List)}, {@code value.lifetimeValueDecile} (C8: offer depth rising with value; C12: the
 * most valuable flyers). Immutable.
 *
 * @param customerId the customer scored
 * @param probabilityAlive the probability the customer is still active, 0 to 1
 * @param expectedPurchases purchases expected over the horizon
 * @param lifetimeValue discounted expected spend over the horizon
 * @param lifetimeValueDecile the customer's tenth of the population by lifetime value, 1 (lowest) to 10 (highest);
 *     0 when not ranked
 */
public record CustomerValue(CustomerId customerId, double probabilityAlive, double expectedPurchases,
                            double lifetimeValue, int lifetimeValueDecile) {
    /** Fact name of the probability alive. */
    public static final String PROBABILITY_ALIVE = "value.probabilityAlive";
    /** Fact name of the expected purchases. */
    public static final String EXPECTED_PURCHASES = "value.expectedPurchases";
    /** Fact name of the lifetime value. */
    public static final String LIFETIME_VALUE = "value.lifetimeValue";
    /** Fact name of the lifetime-value decile; a customer not ranked has none. */
    public static final String LIFETIME_VALUE_DECILE = "value.lifetimeValueDecile";

    /** Checks the scores. */
    public CustomerValue {
        Objects.requireNonNull(customerId, "customerId");
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1) || !(expectedPurchases >= 0)
                || !Double.isFinite(expectedPurchases) || !Double.isFinite(lifetimeValue)
                || lifetimeValueDecile < 0 || lifetimeValueDecile > 10) {
            throw new IllegalArgumentException("customer value of " + customerId + " needs a probability in 0-1, "
                    + "finite, non-negative purchases, a finite value and a decile in 0-10: probabilityAlive="
                    + probabilityAlive
                    + ", expectedPurchases=" + expectedPurchases + ", lifetimeValue=" + lifetimeValue
                    + ", lifetimeValueDecile=" + lifetimeValueDecile);
        }
    }

    /**
     * Scores not yet ranked.
     *
     * @param customerId the customer scored
     * @param probabilityAlive the probability the customer is still active, 0 to 1
     * @param expectedPurchases purchases expected over the horizon
     * @param lifetimeValue discounted expected spend over the horizon
     */
    public CustomerValue(CustomerId customerId, double probabilityAlive, double expectedPurchases,
                         double lifetimeValue) {
        this(customerId, probabilityAlive, expectedPurchases, lifetimeValue, 0);
    }

    /**
     * Attaches these scores to their customer's subject, for the value facts.
     *
     * @param subject the customer's subject
     * @return the subject with the scores attached
     * @throws IllegalArgumentException when the subject is another customer's: scores are never matched by
     *     position
     */
    public Subject attachTo(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        if (!subject.customer().id().equals(customerId)) {
            throw new IllegalArgumentException("scores of " + customerId + " cannot be attached to the subject of "
                    + subject.customer().id());
        }
        return subject.with(CustomerValue.class, this);
    }

    /**
     * The scores by customer.
     *
     * @param scores scores of distinct customers
     * @return each customer's scores, in the order given
     * @throws IllegalArgumentException when a customer is scored twice
     */
    public static Map<CustomerId, CustomerValue> byCustomer(Collection<CustomerValue> scores) {
        Map<CustomerId, CustomerValue> out = new LinkedHashMap<>();
        for (CustomerValue v : scores) {
            if (out.putIfAbsent(v.customerId(), v) != null) {
                throw new IllegalArgumentException("customer scored twice: " + v.customerId());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Ranks a population by lifetime value into tenths of about equal counts, as {@link LifetimeValueDeciles} cuts
     * them.
     *
     * @param population the scores of every customer to rank among
     * @return the same scores with their deciles, in the same order
     */
    public static List<CustomerValue> withDeciles(List<CustomerValue> population) {
        if (population.isEmpty()) {
            return List.of();
        }
        LifetimeValueDeciles deciles = LifetimeValueDeciles.of(population.stream()
                .mapToDouble(CustomerValue::lifetimeValue).toArray());
        return population.stream().map(v -> new CustomerValue(v.customerId(), v.probabilityAlive(),
                v.expectedPurchases(), v.lifetimeValue(), deciles.decileOf(v.lifetimeValue()))).toList();
    }

    /**
     * Scores a customer; {@link ValueScorer} scores many at once.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model
     * @param s the customer's summary at the cut-off
     * @param horizon how far ahead, in the summary's unit
     * @param steps discounting periods in the horizon
     * @param ratePerStep discount rate per period
     * @return the scores
     */
    public static CustomerValue score(PurchaseModel purchases, GammaGamma spend, RepeatSummary s, double horizon,
                                      int steps, double ratePerStep) {
        return ValueScorer.of(purchases, spend, horizon, steps, ratePerStep).score(s);
    }

    /**
     * The value facts for the rule language; found by {@code FactCatalog.installed()} through
     * {@code ServiceLoader}. A customer without attached scores has no value for them.
     */
    public static final class Facts implements FactProvider {
        /** Creates the provider. */
        public Facts() {
        }

        @Override
        public List<FactDefinition> facts() {
            return List.of(
                    FactDefinition.simple(PROBABILITY_ALIVE, FactType.NUMBER, "probability still active, 0 to 1",
                            s -> s.attachment(CustomerValue.class).map(v -> BigDecimal.valueOf(v.probabilityAlive()))
                                    .orElse(null)),
                    FactDefinition.simple(EXPECTED_PURCHASES, FactType.NUMBER, "purchases expected over the horizon",
                            s -> s.attachment(CustomerValue.class).map(v -> BigDecimal.valueOf(v.expectedPurchases()))
                                    .orElse(null)),
                    FactDefinition.simple(LIFETIME_VALUE, FactType.NUMBER, "discounted expected spend",
                            s -> s.attachment(CustomerValue.class).map(v -> BigDecimal.valueOf(v.lifetimeValue()))
                                    .orElse(null)),
                    FactDefinition.simple(LIFETIME_VALUE_DECILE, FactType.NUMBER,
                            "tenth of the population by lifetime value, 1 lowest to 10 highest",
                            s -> s.attachment(CustomerValue.class).filter(v -> v.lifetimeValueDecile() > 0)
                                    .map(v -> BigDecimal.valueOf(v.lifetimeValueDecile())).orElse(null)));
        }
    }
}
