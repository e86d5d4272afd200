package org.crmkit.core.service;

import java.time.Instant;
import java.util.Map;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Limits;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A structured observation added to a case (C2c: the engineer's record of time, fuel and stop length on each
 * evening the car would not start). Immutable.
 *
 * @param at when it was observed
 * @param by who observed it, if staff did
 * @param text what was seen
 * @param measurements typed measurements by name, such as {@code stop-minutes = 4}
 */
public record Observation(Instant at, @Nullable StaffId by, String text, Map<String, AttributeValue> measurements) {
    /** Validates the observation. */
    public Observation {
        Checks.notNull("at", at);
        text = Checks.text("observation text", text, Checks.MAX_TEXT);
        measurements = Checks.map("measurements", measurements, Limits.MEASUREMENTS);
        measurements.keySet().forEach(k -> Checks.code("measurement name", k));
    }
}
