package org.crmkit.core.unify;

import java.util.Locale;
import java.util.Map;

/**
 * A Fellegi-Sunter model of which pairs of profiles describe one customer, estimated from the profiles themselves:
 * for each field and {@link Agreement}, its probability among pairs that match ({@code m}, by
 * expectation-maximisation over candidate pairs) and among pairs that do not ({@code u}, measured on random pairs),
 * and the prior chance that two profiles match. A field's
 * evidence is {@code log2(m / u)} bits; with term frequencies, agreeing exactly on a rare name weighs more than
 * on a common one. Immutable and thread-safe.
 */
public final class MatchModel {
    private final double prior;
    private final double[][] m;
    private final double[][] u;
    private final TermFrequencies given;
    private final TermFrequencies family;
    private final int iterations;
    private final boolean converged;

    MatchModel(double prior, double[][] m, double[][] u, TermFrequencies given, TermFrequencies family,
               int iterations, boolean converged) {
        this.prior = prior;
        this.m = m;
        this.u = u;
        this.given = given;
        this.family = family;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** {@return the estimated chance that two profiles drawn at random describe one customer} */
    public double prior() {
        return prior;
    }

    /**
     * The probability of an agreement among matching pairs.
     *
     * @param field the field
     * @param agreement the agreement
     * @return {@code m}, between 0 and 1
     */
    public double m(MatchField field, Agreement agreement) {
        return m[field.ordinal()][agreement.ordinal()];
    }

    /**
     * The probability of an agreement among pairs that do not match, before term frequencies.
     *
     * @param field the field
     * @param agreement the agreement
     * @return {@code u}, between 0 and 1
     */
    public double u(MatchField field, Agreement agreement) {
        return u[field.ordinal()][agreement.ordinal()];
    }

    /** {@return how many expectation-maximisation rounds the estimate took} */
    public int iterations() {
        return iterations;
    }

    /** {@return whether the estimate settled (the parameters moved less than 1e-6 in the last round)} */
    public boolean converged() {
        return converged;
    }

    /** {@return the prior's evidence in bits: {@code log2(prior / (1 - prior))}} */
    double priorWeight() {
        return log2(prior / (1 - prior));
    }

    /**
     * The {@code u} of an agreement for two particular records: for exact names, scaled by how common the name is.
     * When the names were compared the other way round, either may be the given name: the commoner reading counts.
     *
     * @return {@code u}, never zero
     */
    double u(int field, int level, MatchRecord a, boolean swapped) {
        double base = u[field][level];
        if (level == Agreement.EXACT.ordinal()) {
            String value = field == MatchField.GIVEN_NAME.ordinal() ? a.given
                    : field == MatchField.FAMILY_NAME.ordinal() ? a.family : null;
            if (value != null) {
                double asGiven = given.scale(base, value);
                double asFamily = family.scale(base, value);
                return swapped ? Math.max(asGiven, asFamily)
                        : field == MatchField.GIVEN_NAME.ordinal() ? asGiven : asFamily;
            }
        }
        return base;
    }

    double weight(int field, int level, MatchRecord a, boolean swapped) {
        return level == MatchRecord.MISSING ? 0 : log2(m[field][level] / u(field, level, a, swapped));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** How often each value occurs among the profiles, to weigh agreement on it. */
    static final class TermFrequencies {
        private final Map<String, Integer> counts;
        private final long total;
        /** The chance that two random values agree: the sum of the squared frequencies. */
        private final double agreement;

        TermFrequencies(Map<String, Integer> counts) {
            this.counts = Map.copyOf(counts);
            long n = 0;
            for (int c : counts.values()) {
                n += c;
            }
            double sum = 0;
            for (int c : counts.values()) {
                double f = (double) c / n;
                sum += f * f;
            }
            this.total = n;
            this.agreement = sum;
        }

        /** Scales the {@code u} of exact agreement by the value's frequency relative to the average agreement. */
        double scale(double u, String value) {
            if (total == 0 || agreement == 0) {
                return u;
            }
            int c = counts.getOrDefault(value, 1);
            double scaled = u * ((double) c / total) / agreement;
            return Math.min(0.999, Math.max(scaled, 1e-9));
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MatchModel[prior=").append(String.format("%.4g", prior));
        for (MatchField f : MatchField.values()) {
            out.append(", ").append(f.words()).append(": ");
            for (Agreement a : Agreement.values()) {
                out.append(String.format("%s m=%.3g u=%.3g ", a.name().toLowerCase(Locale.ROOT),
                        m(f, a), u(f, a)));
            }
        }
        return out.append(']').toString();
    }
}
