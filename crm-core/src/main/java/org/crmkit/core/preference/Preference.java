package org.crmkit.core.preference;

import java.time.Instant;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A typed fact about what a customer likes, dislikes, requires or avoids, with its provenance: the source, the
 * confidence, when, where and by whom it was recorded. A preference belongs to the customer, not to the place
 * where it was recorded: one learned in Los Angeles is known in Shanghai (C5). Immutable.
 *
 * @param key what the preference is about
 * @param value the preferred (or avoided) value
 * @param polarity likes, dislikes, requires or avoids
 * @param source stated, observed or inferred
 * @param confidence how sure the business is, between 0 and 1
 * @param recordedAt when it was recorded
 * @param location where it was recorded, if at a place of business
 * @param recordedBy who recorded it, if staff did
 */
public record Preference(PreferenceKey key, AttributeValue value, Polarity polarity, PreferenceSource source,
                         double confidence, Instant recordedAt, @Nullable LocationId location,
                         @Nullable StaffId recordedBy) {
    /**
     * Validates the preference.
     *
     * @throws org.crmkit.core.RuleViolationException when the confidence is not between 0 and 1
     */
    public Preference {
        Checks.notNull("key", key);
        Checks.notNull("value", value);
        Checks.notNull("polarity", polarity);
        Checks.notNull("source", source);
        Checks.unitInterval("confidence", confidence);
        Checks.notNull("recordedAt", recordedAt);
    }

    /**
     * A preference the customer stated, with full confidence.
     *
     * @param key what it is about
     * @param value the value, as text
     * @param polarity likes, dislikes, requires or avoids
     * @param at when it was stated
     * @return the preference
     */
    public static Preference stated(PreferenceKey key, String value, Polarity polarity, Instant at) {
        return new Preference(key, AttributeValue.text(value), polarity, PreferenceSource.STATED, 1.0, at, null, null);
    }

    /**
     * A preference staff observed at a place of business.
     *
     * @param key what it is about
     * @param value the value, as text
     * @param polarity likes, dislikes, requires or avoids
     * @param confidence how sure the observer is
     * @param at when it was observed
     * @param location where
     * @param by who observed it
     * @return the preference
     */
    public static Preference observed(PreferenceKey key, String value, Polarity polarity, double confidence,
                                      Instant at, LocationId location, StaffId by) {
        return new Preference(key, AttributeValue.text(value), polarity, PreferenceSource.OBSERVED, confidence, at,
                location, by);
    }

    /**
     * A preference inferred from behaviour.
     *
     * @param key what it is about
     * @param value the value, as text
     * @param polarity likes, dislikes, requires or avoids
     * @param confidence how sure the inference is
     * @param at when it was inferred
     * @return the preference
     */
    public static Preference inferred(PreferenceKey key, String value, Polarity polarity, double confidence,
                                      Instant at) {
        return new Preference(key, AttributeValue.text(value), polarity, PreferenceSource.INFERRED, confidence, at,
                null, null);
    }

    /** {@return true when this preference is about the same key and value as the other} */
    public boolean isAboutSameAs(Preference other) {
        return key.equals(other.key) && value.equals(other.value);
    }

    /**
     * Tells whether this preference wins over another about the same thing. The stronger source wins
     * (stated, then observed, then inferred); within a source the newer record wins. Records equal in both are
     * settled by the more cautious polarity (avoids, dislikes, requires, likes), then by higher confidence, so
     * the outcome never depends on the order records arrive in.
     *
     * @param other a preference about the same key and value
     * @return true when this one should take effect instead of {@code other}
     */
    public boolean supersedes(Preference other) {
        return PRECEDENCE.compare(this, other) > 0;
    }

    private static final java.util.Comparator<Preference> PRECEDENCE = java.util.Comparator
            .comparing((Preference p) -> -p.source.ordinal())
            .thenComparing(Preference::recordedAt)
            .thenComparing(p -> -p.polarity.ordinal())
            .thenComparingDouble(Preference::confidence)
            .thenComparing(Preference::toString);
}
