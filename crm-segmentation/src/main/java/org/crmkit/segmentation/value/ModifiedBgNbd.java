package org.crmkit.segmentation.value;

import java.util.List;

import org.hipparchus.special.Gamma;

/**
 * The MBG/NBD model (Batislam, Denizel and Filiztekin, 2007): BG/NBD in which a customer may also leave right after
 * the first purchase, so that a customer who never bought again is not certainly alive. While alive a customer buys
 * at a Poisson rate drawn from a gamma(r, alpha) distribution, and after each purchase, the first included, leaves
 * with a probability drawn from a beta(a, b) distribution. Immutable.
 *
 * @param r shape of the purchase-rate distribution
 * @param alpha scale of the purchase-rate distribution
 * @param a first shape of the drop-out distribution
 * @param b second shape of the drop-out distribution
 */
public record ModifiedBgNbd(double r, double alpha, double a, double b) implements PurchaseModel {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /** Checks the parameters are positive. */
    public ModifiedBgNbd {
        PurchaseModel.requirePositive("MBG/NBD", NAMES, r, alpha, a, b);
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data one summary per customer
     * @return the fit
     * @throws org.crmkit.core.RuleViolationException when fewer than two customers or no repeat buyer
     */
    public static ModelFit<ModifiedBgNbd> fit(List<RepeatSummary> data) {
        return fit(GroupedSummaries.of(data));
    }

    /**
     * Fits the model on summaries grouped by identical (x, tx, T), for populations too large to hold one summary
     * per customer.
     *
     * @param data the groups
     * @return the fit
     * @throws org.crmkit.core.RuleViolationException when fewer than two customers or no repeat buyer
     */
    public static ModelFit<ModifiedBgNbd> fit(GroupedSummaries data) {
        data.requireIdentifiable("MBG/NBD");
        CompactSummaries compact = data.compact();
        return MaximumLikelihood.fit(new double[] {1, 1, 1, 1}, compact.customers(), List.of(NAMES),
                p -> new ModifiedBgNbd(p[0], p[1], p[2], p[3]), (m, gradient) -> m.logLikelihood(compact, gradient));
    }

    /**
     * The total log-likelihood of grouped summaries and, when {@code gradient} is not null, its gradient with
     * respect to (ln r, ln alpha, ln a, ln b): per customer, ln Gamma(r + x) - ln Gamma(r) + r ln alpha
     * + ln B(a, b + x + 1) / B(a, b) [(b + x) (alpha + T)^-(r + x) + a (alpha + tx)^-(r + x)] / (b + x).
     */
    double logLikelihood(CompactSummaries d, double[] gradient) {
        return BgNbd.betaGeometric(d, r, alpha, a, b, true, gradient);
    }

    @Override
    public double logLikelihood(RepeatSummary s) {
        int x = s.x();
        double head = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x + 1);
        return head + BgNbd.logAddExp(Math.log(b + x) - (r + x) * Math.log(alpha + s.age()),
                Math.log(a) - (r + x) * Math.log(alpha + s.tx()));
    }

    /** {@inheritDoc} A customer who never bought again may have left right after the first purchase. */
    @Override
    public double probabilityAlive(int x, double tx, double age) {
        double logRatio = Math.log(a / (b + x)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return 1.0 / (1.0 + Math.exp(logRatio));
    }

    /**
     * {@inheritDoc} The expectation of an active customer is BG/NBD's with b + 1 in place of b (Batislam et al.,
     * equation 10 against Fader, Hardie and Lee's equation 10).
     */
    @Override
    public double[] expectedPurchasesIfAlive(double[] horizons, int x, double age) {
        return new BgNbd(r, alpha, a, b + 1).expectedPurchasesIfAlive(horizons, x, age);
    }
}
