package org.crmkit.segmentation.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.crmkit.core.payment.CardNumbers;

/**
 * One axis of a {@link Grid}: a name, its labels in display order, and how an item is placed on it (or left out
 * when it has no place, such as a customer who never bought in the category). Immutable when its function is.
 *
 * @param name the axis's name, such as {@code brand loyalty}
 * @param labels the labels, in display order
 * @param classifier places an item; empty leaves it out of the grid
 * @param <T> the items
 */
public record Dimension<T>(String name, List<String> labels, Function<? super T, Optional<String>> classifier) {
    /** Copies the labels. */
    public Dimension {
        CardNumbers.requireNoCardNumber("dimension name", Objects.requireNonNull(name, "name"));
        labels = List.copyOf(labels);
        Objects.requireNonNull(classifier, "classifier");
        if (labels.isEmpty() || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("dimension labels must be one or more and differ: " + labels);
        }
    }

    /**
     * An axis of numbers cut into bands.
     *
     * @param name the axis's name
     * @param bands the bands
     * @param value the item's number; empty leaves it out
     * @param <T> the items
     * @return the dimension
     */
    public static <T> Dimension<T> banded(String name, Bands bands, Function<? super T, Optional<BigDecimal>> value) {
        return new Dimension<>(name, bands.labels(), t -> value.apply(t).map(bands::labelOf));
    }

    /**
     * An axis of categories.
     *
     * @param name the axis's name
     * @param labels the categories, in display order
     * @param category the item's category; empty leaves it out
     * @param <T> the items
     * @return the dimension
     */
    public static <T> Dimension<T> categorical(String name, List<String> labels,
                                               Function<? super T, Optional<String>> category) {
        return new Dimension<>(name, labels, category);
    }
}
