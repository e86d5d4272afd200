package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.util.List;

import org.crmkit.segmentation.rule.FactDefinition;
import org.crmkit.segmentation.rule.FactProvider;
import org.crmkit.segmentation.rule.FactType;
import org.crmkit.segmentation.rule.Subject;

/**
 * One customer's scores from fitted value models, attached to a {@link Subject} with
 * {@code subject.with(CustomerValue.class, value)} so that rules can test them as the facts
 * {@code value.probabilityAlive}, {@code value.expectedPurchases} and {@code value.lifetimeValue} (C8: offer depth
 * rising with value; C12: the most valuable flyers). Immutable.
 *
 * @param probabilityAlive the probability the customer is still active, 0 to 1
 * @param expectedPurchases purchases expected over the horizon
 * @param lifetimeValue discounted expected spend over the horizon
 */
public record CustomerValue(double probabilityAlive, double expectedPurchases, double lifetimeValue) {
    /** Fact name of the probability alive. */
    public static final String PROBABILITY_ALIVE = "value.probabilityAlive";
    /** Fact name of the expected purchases. */
    public static final String EXPECTED_PURCHASES = "value.expectedPurchases";
    /** Fact name of the lifetime value. */
    public static final String LIFETIME_VALUE = "value.lifetimeValue";

    /** Checks the scores. */
    public CustomerValue {
        if (!(probabilityAlive >= 0 && probabilityAlive <= 1) || !(expectedPurchases >= 0)
                || !Double.isFinite(expectedPurchases) || !Double.isFinite(lifetimeValue)) {
            throw new IllegalArgumentException("customer value needs a probability in 0-1 and finite, non-negative "
                    + "purchases: " + probabilityAlive + ", " + expectedPurchases + ", " + lifetimeValue);
        }
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
                                    .orElse(null)));
        }
    }
}
