package org.crmkit.core.unify;

import java.util.Optional;

import org.crmkit.core.internal.Checks;

/**
 * What one field says about a pair: how far the two profiles agree on it and how much that weighs. Immutable.
 *
 * @param field the field
 * @param agreement how far they agree; empty when either profile lacks the field
 * @param m the probability of this agreement among pairs that match
 * @param u the probability of this agreement among pairs that do not, for these values (term frequencies applied)
 * @param weight the evidence in bits, {@code log2(m / u)}; zero when the field is missing
 */
public record FieldEvidence(MatchField field, Optional<Agreement> agreement, double m, double u, double weight) {
    /** Validates the evidence. */
    public FieldEvidence {
        Checks.notNull("field", field);
        Checks.notNull("agreement", agreement);
    }

    /** {@return the evidence in words, such as {@code "family name: exact, +9.1 bits"}} */
    public String render() {
        return field.words() + ": " + agreement.map(a -> a.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + String.format(java.util.Locale.ROOT, ", %+.1f bits (m %.3g, u %.3g)", weight, m, u))
                .orElse("missing, no evidence");
    }
}
