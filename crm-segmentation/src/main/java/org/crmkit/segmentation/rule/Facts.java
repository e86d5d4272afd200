package org.crmkit.segmentation.rule;

import java.time.Duration;

import org.crmkit.core.json.EnumNames;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.PreferenceKey;

/**
 * The standard facts of the rule language, as names and as starting points of the fluent builder:
 * {@code Facts.spend(Duration.ofDays(90), "USD").atLeast(100)}. Touchpoint aggregates look at a window that ends at
 * the instant of evaluation and may be narrowed with {@code kind}, {@code channel}, {@code category} and
 * {@code brand} parameters; spend facts count purchases unless another {@code kind} is given.
 */
public final class Facts {
    /** Text: person, organization or government. */
    public static final String KIND = "kind";
    /** Text: prospect, intent, customer, lapsed or former. */
    public static final String LIFECYCLE_STAGE = "lifecycleStage";
    /** Text set: the profile's tags. */
    public static final String TAGS = "tags";
    /** Text: the account manager's staff id. */
    public static final String ACCOUNT_MANAGER = "accountManager";
    /** Date: when the profile was created, in the customer's zone. */
    public static final String CUSTOMER_SINCE = "customerSince";
    /** Flag: has a contact point of the {@code kind} parameter. */
    public static final String HAS_CONTACT = "hasContact";
    /** Text set: values of the effective preference {@code key} with {@code polarity} (default likes). */
    public static final String PREFERENCE = "preference";
    /** Flag: consent for {@code purpose} on {@code channel} at the instant of evaluation. */
    public static final String CONSENT = "consent";
    /** Flag: a standing agreement of {@code type} is valid at the instant of evaluation. */
    public static final String AGREEMENT = "agreement";
    /** Number: matching touchpoints in the window. */
    public static final String TOUCHPOINT_COUNT = "touchpoints.count";
    /** Number: purchase spend in {@code currency}. */
    public static final String SPEND = "touchpoints.spend";
    /** Number: spend per week of the window. */
    public static final String WEEKLY_SPEND = "touchpoints.weeklySpend";
    /** Number: spend per matching purchase. */
    public static final String AVERAGE_SPEND = "touchpoints.averageSpend";
    /** Number: whole days since the latest matching touchpoint (recency). */
    public static final String DAYS_SINCE_LAST = "touchpoints.daysSinceLast";
    /** Number: distinct categories bought. */
    public static final String DISTINCT_CATEGORIES = "touchpoints.distinctCategories";
    /** Number: distinct brands bought. */
    public static final String DISTINCT_BRANDS = "touchpoints.distinctBrands";
    /** Number: share of units of {@code brand}, within {@code category} if given. */
    public static final String BRAND_SHARE = "touchpoints.brandShare";
    /** Prefix of custom attributes declared with {@link FactCatalog.Builder#attribute}. */
    public static final String ATTRIBUTE_PREFIX = "attribute.";

    private static final String PURCHASE = "purchase";

    private Facts() {
    }

    /** {@return the customer's kind} */
    public static FactRef kind() {
        return FactRef.of(KIND);
    }

    /** {@return the lifecycle stage} */
    public static FactRef lifecycleStage() {
        return FactRef.of(LIFECYCLE_STAGE);
    }

    /** {@return the tags} */
    public static FactRef tags() {
        return FactRef.of(TAGS);
    }

    /** {@return the account manager} */
    public static FactRef accountManager() {
        return FactRef.of(ACCOUNT_MANAGER);
    }

    /** {@return the date the profile was created} */
    public static FactRef customerSince() {
        return FactRef.of(CUSTOMER_SINCE);
    }

    /** {@return whether the profile has a contact of the kind} @param kind email, phone or postal */
    public static FactRef hasContact(String kind) {
        return FactRef.of(HAS_CONTACT).with("kind", kind);
    }

    /**
     * A custom attribute the catalog declares.
     *
     * @param name the attribute's name
     * @return the fact
     */
    public static FactRef attribute(String name) {
        return FactRef.of(ATTRIBUTE_PREFIX + name);
    }

    /**
     * The values of an effective preference with a polarity.
     *
     * @param key the preference key
     * @param polarity the polarity
     * @return the fact
     */
    public static FactRef preference(PreferenceKey key, Polarity polarity) {
        return FactRef.of(PREFERENCE).with("key", key.toString())
                .with("polarity", EnumNames.of(polarity));
    }

    /**
     * Whether the customer allows contact.
     *
     * @param purpose the purpose
     * @param channel the channel
     * @return the fact
     */
    public static FactRef consent(Purpose purpose, Channel channel) {
        return FactRef.of(CONSENT).with("purpose", purpose.code()).with("channel", channel.code());
    }

    /** {@return whether an agreement of the type is valid} @param type the agreement type */
    public static FactRef agreement(String type) {
        return FactRef.of(AGREEMENT).with("type", type);
    }

    /** {@return touchpoints in the window} @param window the window, ending at the instant of evaluation */
    public static FactRef touchpointCount(Duration window) {
        return FactRef.of(TOUCHPOINT_COUNT).with("window", iso(window));
    }

    /**
     * Purchase spend in the window.
     *
     * @param window the window
     * @param currency ISO 4217 code; other currencies are not counted
     * @return the fact
     */
    public static FactRef spend(Duration window, String currency) {
        return FactRef.of(SPEND).with("window", iso(window)).with("currency", currency);
    }

    /**
     * Purchase spend per week of the window.
     *
     * @param window the window
     * @param currency ISO 4217 code
     * @return the fact
     */
    public static FactRef weeklySpend(Duration window, String currency) {
        return FactRef.of(WEEKLY_SPEND).with("window", iso(window)).with("currency", currency);
    }

    /**
     * Spend per purchase in the window.
     *
     * @param window the window
     * @param currency ISO 4217 code
     * @return the fact
     */
    public static FactRef averageSpend(Duration window, String currency) {
        return FactRef.of(AVERAGE_SPEND).with("window", iso(window)).with("currency", currency);
    }

    /** {@return whole days since the latest purchase} */
    public static FactRef daysSinceLastPurchase() {
        return FactRef.of(DAYS_SINCE_LAST).with("kind", PURCHASE);
    }

    /** {@return distinct categories bought in the window} @param window the window */
    public static FactRef distinctCategories(Duration window) {
        return FactRef.of(DISTINCT_CATEGORIES).with("window", iso(window));
    }

    /**
     * Distinct brands bought in a category.
     *
     * @param window the window
     * @param category the category
     * @return the fact
     */
    public static FactRef distinctBrands(Duration window, String category) {
        return FactRef.of(DISTINCT_BRANDS).with("window", iso(window)).with("category", category);
    }

    /**
     * Share of units bought in a category that are of one brand.
     *
     * @param window the window
     * @param category the category
     * @param brand the brand
     * @return the fact
     */
    public static FactRef brandShare(Duration window, String category, String brand) {
        return FactRef.of(BRAND_SHARE).with("window", iso(window)).with("category", category)
                .with("brand", brand);
    }

    /**
     * Purchases with a line in a category, such as pet food.
     *
     * @param window the window
     * @param category the category
     * @return the fact
     */
    public static FactRef purchasesOf(Duration window, String category) {
        return FactRef.of(TOUCHPOINT_COUNT).with("window", iso(window))
                .with("kind", PURCHASE).with("category", category);
    }

    /** Writes whole days as {@code P90D}, the form people write, rather than {@code PT2160H}. */
    private static String iso(Duration window) {
        return window.toSeconds() % 86_400 == 0 && !window.isNegative() ? "P" + window.toDays() + "D"
                : window.toString();
    }

}
