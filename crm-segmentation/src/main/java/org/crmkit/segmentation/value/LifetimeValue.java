package org.crmkit.segmentation.value;

/**
 * Customer lifetime value: the discounted value of the purchases a customer is expected to make over a horizon,
 * from a purchase model and a spend model. {@link ValueScorer} scores many customers at once.
 */
public final class LifetimeValue {
    private LifetimeValue() {
    }

    /**
     * The lifetime value of one customer.
     *
     * @param purchases the purchase model
     * @param spend the spend model
     * @param s the customer's summary at the cut-off
     * @param horizon how far ahead, in the summary's time unit
     * @param steps how many discounting periods the horizon is cut into (months of a year: 12)
     * @param ratePerStep the discount rate per period, such as 0.01 a month
     * @return the discounted expected value
     * @throws org.crmkit.core.RuleViolationException when the horizon is not positive and finite, steps is below 1
     *     or the rate is not above -1
     */
    public static double of(PurchaseModel purchases, GammaGamma spend, RepeatSummary s, double horizon, int steps,
                            double ratePerStep) {
        return ValueScorer.of(purchases, spend, horizon, steps, ratePerStep).score(s).lifetimeValue();
    }
}
