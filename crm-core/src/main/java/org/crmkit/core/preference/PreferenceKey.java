package org.crmkit.core.preference;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * What a preference is about, in a namespace: {@code dining:seat}, {@code dining:food}, {@code rental:vehicle-class}.
 * The text form is {@code namespace:name}. Immutable.
 *
 * @param namespace lower-case code for the area of the business
 * @param name lower-case code for the subject within it
 */
public record PreferenceKey(String namespace, String name) {
    /** Validates the key. */
    public PreferenceKey {
        namespace = Checks.code("preference namespace", namespace);
        name = Checks.code("preference name", name);
    }

    /**
     * Creates a key.
     *
     * @param namespace the namespace
     * @param name the name
     * @return the key
     */
    public static PreferenceKey of(String namespace, String name) {
        return new PreferenceKey(namespace, name);
    }

    /**
     * Reads the text form {@code namespace:name}.
     *
     * @param text the text
     * @return the key
     * @throws RuleViolationException when the text is not of that form
     */
    public static PreferenceKey parse(String text) {
        Checks.notNull("preference key", text);
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':')) {
            throw new RuleViolationException("preference key must be written as namespace:name: "
                    + Checks.quoted(text));
        }
        return new PreferenceKey(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return namespace + ":" + name;
    }
}
