package org.crmkit.core.event;

import org.crmkit.core.internal.Checks;

/**
 * Identifies one published event, the same on every delivery of it, so that a listener can ignore an event it has
 * already handled. Immutable.
 *
 * @param value 1-128 letters, digits or {@code ._:@/+-}
 */
public record EventId(String value) {
    /** Validates the id. */
    public EventId {
        value = Checks.id("event id", value);
    }

    /**
     * An id from its text.
     *
     * @param value the text
     * @return the id
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    /** {@return a new random id} */
    public static EventId random() {
        return new EventId(Checks.randomId());
    }

    @Override
    public String toString() {
        return value;
    }
}
