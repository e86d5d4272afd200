package org.crmkit.core.servicelevel;

import java.time.Duration;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A before/after comparison of one standard over two periods, with what the change in the median is worth (C3:
 * card replacement went from 15 days to 2, and each day sooner earns about 0.33 USD). Immutable.
 *
 * @param before the earlier period's report
 * @param after the later period's report
 * @param medianSaved how much shorter the median got (negative when it got longer)
 * @param worthPerItem what that saving is worth for one item, if the standard states a unit worth
 * @param worthOverAfterPeriod the worth per item times the items of the later period
 */
public record Comparison(ServiceLevelReport before, ServiceLevelReport after, Duration medianSaved,
                         @Nullable Money worthPerItem, @Nullable Money worthOverAfterPeriod) {
    /** Checks for nulls. */
    public Comparison {
        Checks.notNull("before", before);
        Checks.notNull("after", after);
        Checks.notNull("medianSaved", medianSaved);
    }

    /**
     * Compares two reports of one standard.
     *
     * @param standard the standard, whose unit worth values the saving
     * @param before the earlier report
     * @param after the later report
     * @return the comparison
     * @throws RuleViolationException when the reports are of other standards or a period has no finished item
     */
    public static Comparison of(ServiceLevelStandard standard, ServiceLevelReport before, ServiceLevelReport after) {
        Checks.notNull("standard", standard);
        for (ServiceLevelReport r : new ServiceLevelReport[] {before, after}) {
            if (!r.standardId().equals(standard.id())) {
                throw new RuleViolationException("comparison needs reports of " + standard.id() + ": "
                        + r.standardId());
            }
            if (r.p50() == null) {
                throw new RuleViolationException("comparison needs finished items in both periods: " + r.period());
            }
        }
        Duration saved = before.p50().minus(after.p50());
        UnitWorth worth = standard.worth();
        Money perItem = worth == null ? null : worth.of(saved);
        Money total = perItem == null ? null : perItem.times(java.math.BigDecimal.valueOf(after.items()));
        return new Comparison(before, after, saved, perItem, total);
    }

    /**
     * What the saving is worth at a given volume, such as a year's items.
     *
     * @param items how many items
     * @return the worth per item times the volume, or null when the standard states no unit worth
     */
    public @Nullable Money worthAt(long items) {
        return worthPerItem == null ? null : worthPerItem.times(java.math.BigDecimal.valueOf(items));
    }
}
