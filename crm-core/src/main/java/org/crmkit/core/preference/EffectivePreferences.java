package org.crmkit.core.preference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.internal.Checks;

/**
 * The preferences that take effect for a customer once conflicts are resolved. Preferences conflict when they are
 * about the same key and value (a stated dislike of garlic and an inferred like of garlic); the one that
 * {@linkplain Preference#supersedes supersedes} the others takes effect. Preferences about different values of a
 * key (avoids garlic, avoids onion) all take effect. Immutable.
 */
public final class EffectivePreferences {
    private static final Comparator<Preference> ORDER = Comparator
            .comparing((Preference p) -> p.key().toString())
            .thenComparing(p -> p.value().toString());

    private final List<Preference> effective;

    private EffectivePreferences(List<Preference> effective) {
        this.effective = effective;
    }

    /**
     * Resolves a customer's recorded preferences.
     *
     * @param recorded every preference recorded, in any order
     * @return the effective view
     */
    public static EffectivePreferences resolve(List<Preference> recorded) {
        Checks.notNull("recorded", recorded);
        Map<List<Object>, Preference> winners = new LinkedHashMap<>();
        for (Preference p : recorded) {
            winners.merge(List.of(p.key(), p.value()), p, (a, b) -> b.supersedes(a) ? b : a);
        }
        List<Preference> list = new ArrayList<>(winners.values());
        list.sort(ORDER);
        return new EffectivePreferences(List.copyOf(list));
    }

    /** {@return every effective preference, ordered by key and value} */
    public List<Preference> all() {
        return effective;
    }

    /**
     * The effective preferences about one key.
     *
     * @param key the key
     * @return the preferences, ordered by value; empty when none
     */
    public List<Preference> about(PreferenceKey key) {
        Checks.notNull("key", key);
        return effective.stream().filter(p -> p.key().equals(key)).toList();
    }

    /**
     * The effective preference about one key and value.
     *
     * @param key the key
     * @param value the value
     * @return the preference, if any was recorded
     */
    public Optional<Preference> find(PreferenceKey key, AttributeValue value) {
        Checks.notNull("key", key);
        Checks.notNull("value", value);
        return effective.stream().filter(p -> p.key().equals(key) && p.value().equals(value)).findFirst();
    }

    /**
     * Tells whether the customer, in effect, avoids or dislikes a value: what staff must not serve.
     *
     * @param key the key
     * @param value the value, as text
     * @return true when the effective polarity is {@link Polarity#AVOIDS} or {@link Polarity#DISLIKES}
     */
    public boolean isAverseTo(PreferenceKey key, String value) {
        return find(key, AttributeValue.text(value))
                .map(p -> p.polarity() == Polarity.AVOIDS || p.polarity() == Polarity.DISLIKES)
                .orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectivePreferences other && effective.equals(other.effective);
    }

    @Override
    public int hashCode() {
        return effective.hashCode();
    }

    @Override
    public String toString() {
        return "EffectivePreferences" + effective;
    }
}
