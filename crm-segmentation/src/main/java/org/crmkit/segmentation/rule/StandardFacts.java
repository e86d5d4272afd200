package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.crmkit.core.json.EnumNames;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.jspecify.annotations.Nullable;

/** The facts every catalog starts with; {@link Facts} documents them for rule authors. */
final class StandardFacts {
    private static final Set<String> FILTERS = Set.of("window", "kind", "channel", "category", "brand");

    // Computed once: the facts are read for every customer a rule tests.
    private static final String[] KINDS = names(CustomerKind.values());
    private static final String[] STAGES = names(LifecycleStage.values());

    static final FactDefinition KIND = FactDefinition.simple(Facts.KIND, FactType.TEXT,
            "person, organization or government", s -> KINDS[s.customer().kind().ordinal()]);
    static final FactDefinition LIFECYCLE_STAGE = FactDefinition.simple(Facts.LIFECYCLE_STAGE, FactType.TEXT,
            "prospect, intent, customer, lapsed or former", s -> STAGES[s.customer().lifecycleStage().ordinal()]);

    /**
     * For the two text facts backed by an enum, the ordinal of the customer's value and the names by ordinal, so
     * that the compiler can test them as hand-written code would; null for other facts.
     */
    static Compiled.@Nullable Ordinals ordinals(FactDefinition def) {
        if (def == KIND) {
            return new Compiled.Ordinals(s -> s.customer().kind().ordinal(), KINDS);
        }
        if (def == LIFECYCLE_STAGE) {
            return new Compiled.Ordinals(s -> s.customer().lifecycleStage().ordinal(), STAGES);
        }
        return null;
    }

    private StandardFacts() {
    }

    static List<FactDefinition> all() {
        List<FactDefinition> out = new ArrayList<>();
        out.add(KIND);
        out.add(LIFECYCLE_STAGE);
        out.add(FactDefinition.simple(Facts.TAGS, FactType.TEXT_SET, "the profile's tags", s -> s.customer().tags()));
        out.add(FactDefinition.simple(Facts.ACCOUNT_MANAGER, FactType.TEXT, "the account manager's staff id",
                s -> s.customer().accountManager().map(Object::toString).orElse(null)));
        out.add(FactDefinition.simple(Facts.CUSTOMER_SINCE, FactType.DATE,
                "the date the profile was created, in the customer's zone",
                s -> LocalDate.ofInstant(s.customer().createdAt(), s.zone())));
        out.add(new FactDefinition(Facts.HAS_CONTACT, FactType.FLAG,
                "has a contact point of a kind (email, phone, postal)",
                Set.of("kind"), Set.of(), p -> {
                    ContactKind kind = named(ContactKind.class, "kind", p.get("kind"));
                    return s -> s.customer().contactPoints().stream().anyMatch(c -> c.kind() == kind);
                }));
        out.add(new FactDefinition(Facts.PREFERENCE, FactType.TEXT_SET,
                "the values of an effective preference key with a polarity (default likes)",
                Set.of("key"), Set.of("polarity"), p -> {
                    PreferenceKey key = PreferenceKey.parse(p.get("key"));
                    Polarity polarity = named(Polarity.class, "polarity", p.getOrDefault("polarity", "likes"));
                    return s -> {
                        Set<String> values = new HashSet<>();
                        for (Preference pref : s.preferences().about(key)) {
                            if (pref.polarity() == polarity) {
                                values.add(pref.value().raw().toString());
                            }
                        }
                        return values;
                    };
                }));
        out.add(new FactDefinition(Facts.CONSENT, FactType.FLAG,
                "the customer allows contact for a purpose on a channel at the instant of evaluation",
                Set.of("purpose", "channel"), Set.of(), p -> {
                    Purpose purpose = Purpose.of(p.get("purpose"));
                    Channel channel = Channel.of(p.get("channel"));
                    return s -> s.customer().consents().permits(purpose, channel, s.at());
                }));
        out.add(new FactDefinition(Facts.AGREEMENT, FactType.FLAG,
                "a standing agreement of a type is valid at the instant of evaluation", Set.of("type"), Set.of(),
                p -> {
                    String type = p.get("type");
                    return s -> s.customer().validAgreement(type, s.at()).isPresent();
                }));
        out.add(aggregate(Facts.TOUCHPOINT_COUNT, "touchpoints in the window (any kind unless given); with a category "
                + "or brand, those with a matching line", false, (f, s) -> BigDecimal.valueOf(f.count(s))));
        out.add(aggregate(Facts.SPEND, "purchase spend in a currency in the window; with a category or brand, of the "
                + "matching lines", true, TouchpointFilter::spend));
        out.add(aggregate(Facts.WEEKLY_SPEND, "spend in the window divided by the window's weeks", true,
                (f, s) -> f.spend(s).multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(f.days()), 6,
                        RoundingMode.HALF_EVEN)));
        out.add(aggregate(Facts.AVERAGE_SPEND, "spend per matching purchase in the window; no value without one",
                true, (f, s) -> {
                    long n = f.count(s);
                    return n == 0 ? null : f.spend(s).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN);
                }));
        out.add(aggregate(Facts.DAYS_SINCE_LAST,
                "whole days since the latest matching touchpoint; no value without one",
                false, TouchpointFilter::daysSinceLast));
        out.add(aggregate(Facts.DISTINCT_CATEGORIES, "distinct line categories bought in the window", false,
                (f, s) -> BigDecimal.valueOf(f.distinct(s, LineItem::category))));
        out.add(aggregate(Facts.DISTINCT_BRANDS, "distinct brands bought in the window (within a category if given)",
                false, (f, s) -> BigDecimal.valueOf(f.distinct(s, LineItem::brand))));
        out.add(new FactDefinition(Facts.BRAND_SHARE, FactType.NUMBER, "share (0 to 1) of units bought that are of a "
                + "brand, within a category if given; no value without purchases",
                Set.of("brand"), Set.of("window", "category", "channel"), p -> {
                    TouchpointFilter f = filter(Facts.BRAND_SHARE, p);
                    return f::brandShare;
                }));
        return out;
    }

    private static final Set<String> AGGREGATES = Set.of(Facts.TOUCHPOINT_COUNT, Facts.SPEND, Facts.WEEKLY_SPEND,
            Facts.AVERAGE_SPEND, Facts.DAYS_SINCE_LAST, Facts.DISTINCT_CATEGORIES, Facts.DISTINCT_BRANDS,
            Facts.BRAND_SHARE);

    /** {@return whether the fact is one of the touchpoint aggregates} */
    static boolean isAggregate(String name) {
        return AGGREGATES.contains(name);
    }

    /** {@return the filter a touchpoint aggregate reads through, as its fact binds it} */
    static TouchpointFilter filterOf(FactRef fact) {
        return filter(fact.name(), fact.parameters());
    }

    /** Money facts need a currency; they and a brand's share count purchases unless another kind is given. */
    private static TouchpointFilter filter(String name, Map<String, String> parameters) {
        boolean money = name.equals(Facts.SPEND) || name.equals(Facts.WEEKLY_SPEND)
                || name.equals(Facts.AVERAGE_SPEND);
        return TouchpointFilter.of(parameters, money, money || name.equals(Facts.BRAND_SHARE));
    }

    private static FactDefinition aggregate(String name, String description, boolean money, Aggregate aggregate) {
        Set<String> optional = new HashSet<>(FILTERS);
        Set<String> required = money ? Set.of("currency") : Set.of();
        if (name.equals(Facts.WEEKLY_SPEND)) {
            optional.remove("window");
            required = Set.of("currency", "window");
        }
        Function<Map<String, String>, FactReader> binder = p -> {
            TouchpointFilter f = filter(name, p);
            return s -> aggregate.read(f, s);
        };
        return new FactDefinition(name, FactType.NUMBER, description, required, optional, binder);
    }

    @FunctionalInterface
    private interface Aggregate {
        @Nullable Object read(TouchpointFilter filter, Subject subject);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String parameter, String text) {
        try {
            return EnumNames.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + " " + e.getMessage(), e);
        }
    }

    private static String[] names(Enum<?>[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = EnumNames.of(values[i]);
        }
        return out;
    }

    /** The filter and currency shared by the touchpoint aggregates. */
    record TouchpointFilter(@Nullable Duration window, @Nullable TouchpointKind kind, @Nullable Channel channel,
                            @Nullable String category, @Nullable String brand, @Nullable Currency currency) {

        static TouchpointFilter of(Map<String, String> p, boolean money, boolean purchasesByDefault) {
            Duration window = null;
            if (p.containsKey("window")) {
                try {
                    window = Duration.parse(p.get("window"));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("window must be an ISO-8601 duration such as P90D: "
                            + p.get("window"), e);
                }
                if (window.isNegative() || window.isZero() || window.toDays() < 1) {
                    throw new IllegalArgumentException("window must be at least one day: " + p.get("window"));
                }
            }
            TouchpointKind kind = p.containsKey("kind") ? TouchpointKind.of(p.get("kind"))
                    : purchasesByDefault ? TouchpointKind.PURCHASE : null;
            Channel channel = p.containsKey("channel") ? Channel.of(p.get("channel")) : null;
            Currency currency = null;
            if (money) {
                try {
                    currency = Currency.getInstance(p.get("currency"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("currency must be an ISO 4217 code: " + p.get("currency"), e);
                }
            }
            return new TouchpointFilter(window, kind, channel, p.get("category"), p.get("brand"), currency);
        }

        long days() {
            return window == null ? 1 : window.toDays();
        }

        List<Touchpoint> inWindow(Subject s) {
            return window == null ? s.touchpoints() : s.touchpointsAfter(s.at().minus(window));
        }

        boolean matches(Touchpoint t) {
            return (kind == null || kind.equals(t.kind())) && (channel == null || channel.equals(t.channel()));
        }

        boolean matches(LineItem line) {
            return (category == null || category.equals(line.category()))
                    && (brand == null || brand.equals(line.brand()));
        }

        boolean byLines() {
            return category != null || brand != null;
        }

        long count(Subject s) {
            long n = 0;
            for (Touchpoint t : inWindow(s)) {
                if (matches(t) && (!byLines() || t.lineItems().stream().anyMatch(this::matches))) {
                    n++;
                }
            }
            return n;
        }

        BigDecimal spend(Subject s) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Touchpoint t : inWindow(s)) {
                if (!matches(t)) {
                    continue;
                }
                if (!byLines() && t.amount().isPresent()) {
                    if (t.amount().get().currency().equals(currency)) {
                        sum = sum.add(t.amount().get().amount());
                    }
                    continue;
                }
                for (LineItem line : t.lineItems()) {
                    if (matches(line) && line.unitPrice().currency().equals(currency)) {
                        sum = sum.add(line.unitPrice().amount().multiply(line.quantity()));
                    }
                }
            }
            return sum;
        }

        @Nullable BigDecimal daysSinceLast(Subject s) {
            List<Touchpoint> list = inWindow(s);
            for (int i = list.size() - 1; i >= 0; i--) {
                Touchpoint t = list.get(i);
                if (matches(t) && (!byLines() || t.lineItems().stream().anyMatch(this::matches))) {
                    return BigDecimal.valueOf(Duration.between(t.occurredAt(), s.at()).toDays());
                }
            }
            return null;
        }

        long distinct(Subject s, Function<LineItem, @Nullable String> key) {
            Set<String> seen = new HashSet<>();
            for (Touchpoint t : inWindow(s)) {
                if (matches(t)) {
                    for (LineItem line : t.lineItems()) {
                        String k = key.apply(line);
                        if (k != null && matches(line)) {
                            seen.add(k);
                        }
                    }
                }
            }
            return seen.size();
        }

        @Nullable BigDecimal brandShare(Subject s) {
            BigDecimal all = BigDecimal.ZERO;
            BigDecimal ofBrand = BigDecimal.ZERO;
            for (Touchpoint t : inWindow(s)) {
                if (!matches(t)) {
                    continue;
                }
                for (LineItem line : t.lineItems()) {
                    if (category == null || category.equals(line.category())) {
                        all = all.add(line.quantity());
                        if (brand != null && brand.equals(line.brand())) {
                            ofBrand = ofBrand.add(line.quantity());
                        }
                    }
                }
            }
            return all.signum() == 0 ? null : ofBrand.divide(all, 6, RoundingMode.HALF_EVEN);
        }
    }

    /** Reads a typed custom attribute declared in the catalog. */
    static FactDefinition attribute(String attribute, FactType type) {
        if (type == FactType.TEXT_SET) {
            throw new IllegalArgumentException("attribute type must be text, number, flag or date: text-set");
        }
        return FactDefinition.simple(Facts.ATTRIBUTE_PREFIX + attribute, type, "custom attribute " + attribute, s -> {
            AttributeValue v = s.customer().attributes().get(attribute);
            return v != null && type.accepts(v) ? v.raw() : null;
        });
    }
}
