package org.crmkit.segmentation.value;

import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/BB model (Fader, Hardie and Shang, 2010) for discrete opportunities to buy: a yearly gala, a weekly
 * edition, a flight on a given route. While alive a customer takes each opportunity with a probability p drawn from
 * a beta(alpha, beta) distribution, and before each opportunity after the first leaves with a probability theta
 * drawn from a beta(gamma, delta) distribution. A customer's history is the number of opportunities taken after the
 * first, {@code x}, the last one taken, {@code tx}, and how many there were, {@code n}. Immutable.
 *
 * @param alpha first shape of the transaction-probability distribution
 * @param beta second shape of the transaction-probability distribution
 * @param gamma first shape of the drop-out-probability distribution
 * @param delta second shape of the drop-out-probability distribution
 */
public record BgBb(double alpha, double beta, double gamma, double delta) {
    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    /** Checks the parameters are positive. */
    public BgBb {
        PurchaseModel.requirePositive("BG/BB", NAMES, alpha, beta, gamma, delta);
    }

    /**
     * Customers who share one history over discrete opportunities. Immutable.
     *
     * @param x opportunities taken after the first purchase
     * @param tx the opportunity of the last one taken, 0 when none was
     * @param n the opportunities there were after the first purchase
     * @param customers how many customers share the history, at least 1
     */
    public record History(int x, int tx, int n, long customers) {
        /**
         * Validates the history.
         *
         * @throws RuleViolationException unless {@code 0 <= x <= tx <= n}, {@code x = 0} exactly when {@code tx = 0},
         *     and {@code customers >= 1}
         */
        public History {
            requireHistory(x, tx, n, customers);
        }
    }

    /**
     * Fits the model by maximum likelihood.
     *
     * @param data the customers' histories, grouped
     * @return the fit
     * @throws RuleViolationException when fewer than two customers or none took an opportunity
     */
    public static ModelFit<BgBb> fit(List<History> data) {
        List<History> rows = List.copyOf(data);
        long customers = rows.stream().mapToLong(History::customers).sum();
        if (customers < 2 || rows.stream().allMatch(h -> h.x() == 0)) {
            throw new RuleViolationException("cannot fit BG/BB: at least two customers and one repeat purchase are "
                    + "needed, got " + customers + " customers");
        }
        return MaximumLikelihood.fit(new double[] {1, 1, 1, 1}, customers, List.of(NAMES),
                p -> new BgBb(p[0], p[1], p[2], p[3]), m -> {
                double sum = 0;
                for (History h : rows) {
                    sum += h.customers() * m.logLikelihood(h.x(), h.tx(), h.n());
                }
                return sum;
            });
    }

    /**
     * The log-likelihood of one customer's history (Fader, Hardie and Shang, equation 5).
     *
     * @param x opportunities taken
     * @param tx the last one taken
     * @param n opportunities there were
     * @return the log-likelihood
     */
    public double logLikelihood(int x, int tx, int n) {
        requireHistory(x, tx, n, 1);
        double transactions = Beta.logBeta(alpha, beta);
        double dropouts = Beta.logBeta(gamma, delta);
        double sum = Beta.logBeta(alpha + x, beta + n - x) - transactions + Beta.logBeta(gamma, delta + n) - dropouts;
        for (int i = 0; i < n - tx; i++) {
            sum = BgNbd.logAddExp(sum, Beta.logBeta(alpha + x, beta + tx - x + i) - transactions
                    + Beta.logBeta(gamma + 1, delta + tx + i) - dropouts);
        }
        return sum;
    }

    /**
     * The probability that the customer is still alive at the next opportunity, n + 1.
     *
     * @param x opportunities taken
     * @param tx the last one taken
     * @param n opportunities there were
     * @return a probability in [0, 1]
     */
    public double probabilityAlive(int x, int tx, int n) {
        return Math.exp(Beta.logBeta(alpha + x, beta + n - x) - Beta.logBeta(alpha, beta)
                + Beta.logBeta(gamma, delta + n + 1) - Beta.logBeta(gamma, delta) - logLikelihood(x, tx, n));
    }

    /**
     * The expected number of the next {@code future} opportunities the customer takes (equation 13, as the sum of
     * the chance of being alive at each times the expected probability of taking it).
     *
     * @param future how many opportunities ahead, zero or more
     * @param x opportunities taken
     * @param tx the last one taken
     * @param n opportunities there were
     * @return the expected count
     */
    public double expectedTransactions(int future, int x, int tx, int n) {
        requireNotNegative(future);
        double taking = Beta.logBeta(alpha + x + 1, beta + n - x) - Beta.logBeta(alpha, beta)
                - logLikelihood(x, tx, n);
        double sum = 0;
        for (int k = 1; k <= future; k++) {
            sum += Math.exp(taking + Beta.logBeta(gamma, delta + n + k) - Beta.logBeta(gamma, delta));
        }
        return sum;
    }

    /**
     * The expected number of opportunities a new customer takes among the first {@code n} after the first
     * purchase (equation 7).
     *
     * @param n how many opportunities, zero or more
     * @return the expected count
     */
    public double expectedTransactions(int n) {
        requireNotNegative(n);
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += Math.exp(Beta.logBeta(gamma, delta + k) - Beta.logBeta(gamma, delta));
        }
        return alpha / (alpha + beta) * sum;
    }

    /**
     * The probability that a new customer takes exactly {@code x} of the first {@code n} opportunities after the
     * first purchase (equation 6), for the histogram set beside a cohort's actual counts.
     *
     * @param x how many taken, 0 to n
     * @param n how many opportunities
     * @return the probability
     * @throws RuleViolationException unless {@code 0 <= x <= n}
     */
    public double probabilityOfTransactions(int x, int n) {
        if (x < 0 || x > n) {
            throw new RuleViolationException("need 0 <= x <= n: x=" + x + ", n=" + n);
        }
        double transactions = Beta.logBeta(alpha, beta);
        double dropouts = Beta.logBeta(gamma, delta);
        double sum = Math.exp(logChoose(n, x) + Beta.logBeta(alpha + x, beta + n - x) - transactions
                + Beta.logBeta(gamma, delta + n) - dropouts);
        for (int i = x; i < n; i++) {
            sum += Math.exp(logChoose(i, x) + Beta.logBeta(alpha + x, beta + i - x) - transactions
                    + Beta.logBeta(gamma + 1, delta + i) - dropouts);
        }
        return sum;
    }

    private static void requireHistory(int x, int tx, int n, long customers) {
        if (x < 0 || tx < x || n < tx || (x == 0) != (tx == 0) || customers < 1) {
            throw new RuleViolationException("a BG/BB history needs 0 <= x <= tx <= n, x = 0 exactly when tx = 0,"
                    + " and at least one customer: x=" + x + ", tx=" + tx + ", n=" + n + ", customers=" + customers);
        }
    }

    private static double logChoose(int n, int k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    private static void requireNotNegative(int opportunities) {
        if (opportunities < 0) {
            throw new RuleViolationException("opportunities must not be negative: " + opportunities);
        }
    }
}
