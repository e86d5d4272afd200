package org.crmkit.core.unify;

/** A field that identity resolution compares between two profiles. */
public enum MatchField {
    /** The person's given name; nicknames count as close ({@code Bob} and {@code Robert}). */
    GIVEN_NAME("given name"),
    /** The person's family name, or an organisation's legal name. */
    FAMILY_NAME("family name"),
    /** The birthday with its year. */
    BIRTH_DATE("birth date"),
    /** Email addresses; the best agreement of any two. */
    EMAIL("email"),
    /** Mobile phone numbers (and those of no known type); the best agreement of any two. */
    PHONE("phone"),
    /**
     * Postal addresses: the first line, normalised, with the postal code; the best agreement of any two. One field
     * rather than two, since a street and its postal code are not independent evidence. A shared fixed-line phone
     * agrees exactly here: it belongs to a household, as an address does, not to a person.
     */
    ADDRESS("address"),
    /**
     * Identifiers the profiles hold as custom attributes named on the resolver's builder
     * ({@link IdentityResolver.Builder#identifiers}), such as the vehicle identification number that C10's dealer,
     * maker and repair shop each record: exact when two profiles hold one value under one name. Missing unless
     * identifiers are named.
     */
    IDENTIFIER("identifier");

    private final String words;

    MatchField(String words) {
        this.words = words;
    }

    /** {@return the field in words, for explanations} */
    public String words() {
        return words;
    }
}
