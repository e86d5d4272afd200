package org.crmkit.segmentation.value;

import java.util.Objects;

import org.crmkit.core.RuleViolationException;

/**
 * Customer lifetime value: the discounted value of the purchases a customer is expected to make over a horizon,
 * from a purchase model and a spend model.
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
     */
    public static double of(PurchaseModel purchases, GammaGamma spend, RepeatSummary s, double horizon, int steps,
                            double ratePerStep) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(s, "summary");
        if (!(horizon > 0) || steps < 1 || !(ratePerStep > -1)) {
            throw new RuleViolationException("lifetime value needs a positive horizon, steps and a rate above -1: "
                    + horizon + ", " + steps + ", " + ratePerStep);
        }
        double value = spend.expectedAverageSpend(s.x(), s.meanRepeatValue());
        double step = horizon / steps;
        double[] ends = new double[steps];
        for (int i = 0; i < steps; i++) {
            ends[i] = (i + 1) * step;
        }
        double[] upTo = purchases.expectedPurchases(ends, s.x(), s.tx(), s.age());
        double before = 0;
        double total = 0;
        double discount = 1;
        for (int i = 0; i < steps; i++) {
            discount /= 1 + ratePerStep;
            total += (upTo[i] - before) * value * discount;
            before = upTo[i];
        }
        return total;
    }
}
