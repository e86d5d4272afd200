package org.crmkit.core.privacy;

import java.util.Map;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.internal.Checks;

/**
 * One customer in a partner data set (C8): no direct identifier, a keyed pseudonym, generalised quasi-identifiers,
 * and purchase facts. Immutable.
 *
 * @param pseudonym the keyed pseudonym of the customer id
 * @param ageBand an age band such as {@code "30-39"}, or {@code "unknown"}
 * @param postcodePrefix the first characters of the postal code, or {@code "unknown"}
 * @param purchases how many purchases in the window
 * @param spendByCategory spend per product category in the window
 */
public record PartnerRecord(String pseudonym, String ageBand, String postcodePrefix, long purchases,
                            Map<String, Money> spendByCategory) {
    /** Checks for nulls and copies the map. */
    public PartnerRecord {
        // A pseudonym is 32 hex digits from PseudonymKey; its digits may read as a card number by chance, so its
        // form is checked instead of scanning it.
        Checks.notNull("pseudonym", pseudonym);
        if (!pseudonym.matches("[0-9a-f]{32}")) {
            throw new RuleViolationException("pseudonym must be 32 lower-case hex digits from a PseudonymKey");
        }
        Checks.noCardNumber("ageBand", ageBand);
        Checks.noCardNumber("postcodePrefix", postcodePrefix);
        spendByCategory = Checks.map("spendByCategory", spendByCategory);
    }
}
