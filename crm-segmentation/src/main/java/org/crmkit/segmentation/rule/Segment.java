package org.crmkit.segmentation.rule;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.crmkit.core.payment.CardNumbers;

/**
 * A named, versioned condition that defines a group of customers (C8's heavy national-brand users, C12's most
 * profitable flyers), optionally with the {@link Targeting} it is used for. Revising the condition gives the next
 * version, so that a membership snapshot names exactly which definition produced it. Immutable.
 *
 * @param name a lower-case code such as {@code heavy-national-brand}
 * @param version 1 for the first definition, then one more per revision
 * @param description what the segment is for, for people
 * @param condition who belongs
 * @param targeting the use that requires consent; empty for analysis only
 */
public record Segment(String name, int version, String description, Condition condition,
                      Optional<Targeting> targeting) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    /** Validates the name and version. */
    public Segment {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("segment name must be lower-case letters, digits, '_', '.' or '-' "
                    + "(1-64): \"" + CardNumbers.mask(name) + "\"");
        }
        CardNumbers.requireNoCardNumber("segment name", name);
        if (version < 1) {
            throw new IllegalArgumentException("segment version must be at least 1: " + version);
        }
        Objects.requireNonNull(description, "description");
        if (description.length() > 1000) {
            throw new IllegalArgumentException("segment description must be at most 1000 characters: "
                    + description.length());
        }
        CardNumbers.requireNoCardNumber("segment description", description);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(targeting, "targeting");
    }

    /**
     * The first version of a segment for analysis.
     *
     * @param name the name
     * @param description what it is for
     * @param condition who belongs
     * @return the segment
     */
    public static Segment of(String name, String description, Condition condition) {
        return new Segment(name, 1, description, condition, Optional.empty());
    }

    /**
     * A copy used for contact, which leaves out those without consent.
     *
     * @param use the purpose and channel
     * @return the copy, same version
     */
    public Segment targeting(Targeting use) {
        return new Segment(name, version, description, condition, Optional.of(use));
    }

    /**
     * The next version with another condition.
     *
     * @param newCondition who belongs from now on
     * @return the revision
     */
    public Segment revise(Condition newCondition) {
        return new Segment(name, version + 1, description, newCondition, targeting);
    }

    /**
     * Compiles the segment.
     *
     * @param catalog the facts
     * @return the compiled segment
     * @throws org.crmkit.core.InvalidDefinitionException when the condition does not compile
     */
    public CompiledSegment compile(FactCatalog catalog) {
        return new CompiledSegment(this, catalog.compile(condition));
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
