package org.crmkit.core.preference;

/**
 * How a preference became known, strongest first: what the customer said beats what staff observed, which beats
 * what was inferred from behaviour.
 */
public enum PreferenceSource {
    /** The customer said so. */
    STATED,
    /** Staff noticed it (C2: the driver who noticed the song the guest enjoyed). */
    OBSERVED,
    /** Inferred from behaviour, such as purchase history. */
    INFERRED;

    /** {@return true when this source is stronger than the other} */
    public boolean outranks(PreferenceSource other) {
        return ordinal() < other.ordinal();
    }
}
