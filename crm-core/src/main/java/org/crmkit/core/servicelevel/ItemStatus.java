package org.crmkit.core.servicelevel;

import java.util.List;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A measured item as last checked: what is stored of it, the policy that applies, and each metric's reading.
 * Immutable.
 *
 * @param item the stored item
 * @param policy the policy that applies, or null when none does
 * @param readings one reading per metric of the policy, in the policy's order
 */
public record ItemStatus(ItemClock item, @Nullable ServiceLevelPolicy policy, List<ClockReading> readings) {
    /** Checks for nulls and copies the readings. */
    public ItemStatus {
        Checks.notNull("item", item);
        readings = Checks.list("readings", readings);
    }

    /**
     * The reading of one metric.
     *
     * @param standard the metric's standard
     * @return the reading
     * @throws java.util.NoSuchElementException when the policy does not measure the standard
     */
    public ClockReading reading(StandardId standard) {
        return readings.stream().filter(r -> r.standardId().equals(standard)).findFirst().orElseThrow();
    }
}
