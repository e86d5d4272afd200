package org.crmkit.segmentation.rule;

import org.jspecify.annotations.Nullable;

/**
 * Reads one fact, with its parameters already bound, from a subject. Must be thread-safe and free of side
 * effects; it is called for every customer a rule is evaluated for.
 */
@FunctionalInterface
public interface FactReader {
    /**
     * Reads the fact.
     *
     * @param subject the customer and instant
     * @return the value, of the Java type its {@link FactType} promises; null when the fact has no value
     */
    @Nullable Object read(Subject subject);
}
