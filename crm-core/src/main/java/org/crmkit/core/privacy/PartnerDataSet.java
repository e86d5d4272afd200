package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.internal.Checks;

/**
 * An analysis data set ready to leave the business: every group of records sharing the same quasi-identifiers
 * holds at least {@code k} records. Immutable.
 *
 * @param exportedAt when it was made
 * @param k the smallest group allowed
 * @param records the records, ordered by pseudonym
 * @param withoutConsent customers left out because they had not consented to partner sharing at that time
 * @param suppressed records left out because their group was smaller than {@code k}
 */
public record PartnerDataSet(Instant exportedAt, int k, List<PartnerRecord> records, int withoutConsent,
                             int suppressed) {
    /** Checks for nulls and copies the records. */
    public PartnerDataSet {
        Checks.notNull("exportedAt", exportedAt);
        records = Checks.list("records", records);
    }
}
