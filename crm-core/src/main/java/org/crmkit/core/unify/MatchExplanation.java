package org.crmkit.core.unify;

import java.util.List;
import java.util.Locale;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;

/**
 * Why identity resolution scored a pair as it did: the prior, each field's evidence, the total match weight, the
 * probability that follows and the advice. Immutable.
 *
 * @param left one profile
 * @param right the other
 * @param priorWeight the prior's evidence in bits
 * @param fields each field's evidence, in {@link MatchField} order
 * @param namesSwapped whether one profile's given and family names were compared the other way round
 * @param weight the total in bits: the prior and every field's evidence
 * @param probability the probability that the two describe one customer
 * @param decision the advice at the resolver's thresholds
 */
public record MatchExplanation(CustomerId left, CustomerId right, double priorWeight, List<FieldEvidence> fields,
                               boolean namesSwapped, double weight, double probability, MatchDecision decision) {
    /** Validates the explanation. */
    public MatchExplanation {
        Checks.notNull("left", left);
        Checks.notNull("right", right);
        fields = Checks.list("fields", fields);
        Checks.notNull("decision", decision);
    }

    /** {@return the explanation in words, one line per field} */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(left).append(" and ").append(right).append(": ")
                .append(decision.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(String.format(Locale.ROOT, ", probability %.4f, weight %+.1f bits", probability, weight))
                .append('\n').append(String.format(Locale.ROOT, "  prior: %+.1f bits", priorWeight)).append('\n');
        if (namesSwapped) {
            out.append("  (given and family names compared the other way round)\n");
        }
        for (FieldEvidence f : fields) {
            out.append("  ").append(f.render()).append('\n');
        }
        return out.toString();
    }
}
