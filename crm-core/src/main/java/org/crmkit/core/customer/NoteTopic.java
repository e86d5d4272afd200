package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;

/**
 * What a staff note is about (C5: appearance, occupation, hobbies). Extensible. Immutable.
 *
 * @param code lower-case code
 */
public record NoteTopic(String code) {
    /** How to recognise the guest. */
    public static final NoteTopic APPEARANCE = new NoteTopic("appearance");
    /** What the customer does for a living. */
    public static final NoteTopic OCCUPATION = new NoteTopic("occupation");
    /** What the customer enjoys. */
    public static final NoteTopic HOBBIES = new NoteTopic("hobbies");
    /** Anything else. */
    public static final NoteTopic GENERAL = new NoteTopic("general");

    /** Validates the code. */
    public NoteTopic {
        code = Checks.code("note topic", code);
    }

    /**
     * Names a topic.
     *
     * @param code lower-case code
     * @return the topic
     */
    public static NoteTopic of(String code) {
        return new NoteTopic(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
