package org.crmkit.core.common;

/**
 * How many items each collection of an aggregate may hold. Together with the length limits of texts, they keep
 * every aggregate crmkit accepts small enough to be written as a document that {@code CrmJson} reads back (10 MB),
 * and a hostile document from costing more heap than a few times its size. A longer collection is refused when the
 * aggregate is built, naming the field, the limit and the size.
 */
public final class Limits {
    /** Contact points of a profile. */
    public static final int CONTACT_POINTS = 50;
    /** Lines of a postal address, before locality and postcode. */
    public static final int ADDRESS_LINES = 4;
    /** Key contacts of an organisation. */
    public static final int KEY_CONTACTS = 50;
    /** Tags of a profile. */
    public static final int TAGS = 200;
    /** Custom attributes of a profile or a touchpoint. */
    public static final int ATTRIBUTES = 200;
    /** Birthdays, anniversaries and other dates of a profile. */
    public static final int SPECIAL_DATES = 100;
    /** Staff notes on a profile. */
    public static final int NOTES = 500;
    /** Ids of a profile in other systems. */
    public static final int EXTERNAL_IDS = 100;
    /** Payment cards on file. */
    public static final int PAYMENT_INSTRUMENTS = 20;
    /** Preferences of a profile. */
    public static final int PREFERENCES = 1_000;
    /** Consent records of a profile; a history this long is better archived. */
    public static final int CONSENTS = 1_000;
    /** Standing agreements of a profile. */
    public static final int AGREEMENTS = 100;
    /** Profiles merged into one. */
    public static final int MERGED_FROM = 1_000;
    /** Line items of a purchase. */
    public static final int LINE_ITEMS = 1_000;
    /** Observations gathered on a service case. */
    public static final int OBSERVATIONS = 200;
    /** Measurements of one observation. */
    public static final int MEASUREMENTS = 20;
    /** Status changes of a service case. */
    public static final int CASE_HISTORY = 500;
    /** Touchpoints linked to a service case. */
    public static final int LINKED_TOUCHPOINTS = 1_000;

    private Limits() {
    }
}
