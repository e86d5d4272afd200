package org.crmkit.segmentation.rule;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.core.payment.CardNumbers;

/**
 * A fact that rules can test: its name, type, the parameters it accepts, and how to read it once the parameters
 * are bound. crm-segmentation defines the standard facts; other modules and hosts contribute more through a
 * {@link FactProvider}. Immutable.
 *
 * @param name the name rules use
 * @param type the type of its values
 * @param description one line for people writing rules
 * @param required parameters that must be given
 * @param optional parameters that may be given
 * @param binder turns the parameters into a reader, throwing {@link IllegalArgumentException} with a message that
 *               names the parameter and value when they are unusable; called once per compilation
 */
public record FactDefinition(String name, FactType type, String description, Set<String> required,
                             Set<String> optional, Function<Map<String, String>, FactReader> binder) {

    /** Checks the fields. */
    public FactDefinition {
        FactRef.of(name);
        Objects.requireNonNull(type, "type");
        CardNumbers.requireNoCardNumber("fact description", Objects.requireNonNull(description, "description"));
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
        Objects.requireNonNull(binder, "binder");
    }

    /**
     * A fact without parameters.
     *
     * @param name the name
     * @param type the type
     * @param description one line for rule authors
     * @param reader reads the fact
     * @return the definition
     */
    public static FactDefinition simple(String name, FactType type, String description, FactReader reader) {
        return new FactDefinition(name, type, description, Set.of(), Set.of(), p -> reader);
    }
}
