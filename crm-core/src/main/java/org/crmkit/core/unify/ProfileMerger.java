package org.crmkit.core.unify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Merges a duplicate profile into a surviving one (C10). The survivorship rules:
 * <ul>
 *   <li>The survivor keeps its id and kind, and the earlier creation time of the two.</li>
 *   <li>Contact points are united by address. For an address both hold, the verified one wins, then the one of
 *       the more recently updated profile. For each kind the primary is the first of: a verified primary of the
 *       newer profile, a verified primary of the older, an unverified primary of the newer, of the older.</li>
 *   <li>Single values ({@link Field}) and attributes held by both: decided by the field's {@link Survivorship},
 *       by default {@link Survivorship#SURVIVOR} for the name and {@link Survivorship#NEWER} for the rest, set per
 *       field and per attribute name on the {@link #builder()}. An optional value only one holds is kept. An
 *       employer that is one of the two merged profiles is dropped, since a profile cannot employ itself.</li>
 *   <li>Preferences, consent history, notes, special dates, key contacts, external ids, cards on file, agreements
 *       and tags are united, never chosen: no rule may drop a consent or a withdrawal. Preference and consent
 *       conflicts are then resolved as usual, by source and time.</li>
 *   <li>The survivor records the duplicate's id (and whatever the duplicate had merged) in
 *       {@link Customer#mergedFrom()}.</li>
 * </ul>
 * Merging is idempotent: merging the same duplicate into the result again gives the same profile. Immutable and
 * thread-safe.
 */
public final class ProfileMerger {

    /** The single values whose survivorship can be chosen. */
    public enum Field {
        /** The person's or organisation's name. */
        NAME,
        /** The employing organisation. */
        EMPLOYER,
        /** The responsible staff member. */
        ACCOUNT_MANAGER,
        /** The customer's time zone. */
        TIME_ZONE,
        /** The lifecycle stage. */
        LIFECYCLE_STAGE
    }

    /** Which of the two profiles' values a merged field takes; the other's when the chosen one has none. */
    public enum Survivorship {
        /** The more recently updated profile's (the survivor's when both were updated at once). */
        NEWER,
        /** The less recently updated profile's. */
        OLDER,
        /** The survivor's. */
        SURVIVOR,
        /** The duplicate's. */
        DUPLICATE
    }

    private final Map<Field, Survivorship> fields;
    private final Survivorship attributes;
    private final Map<String, Survivorship> attributeRules;

    /** Creates a merger with the default rules; it holds no state, so one may be shared. */
    public ProfileMerger() {
        this(builder());
    }

    private ProfileMerger(Builder b) {
        fields = Collections.unmodifiableMap(new EnumMap<>(b.fields));
        attributes = b.attributes;
        attributeRules = Map.copyOf(b.attributeRules);
    }

    /** {@return a builder starting from the default rules} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rule for a single value.
     *
     * @param field the field
     * @return its survivorship
     */
    public Survivorship rule(Field field) {
        return fields.get(Checks.notNull("field", field));
    }

    /**
     * The rule for a custom attribute held by both profiles.
     *
     * @param name the attribute's name
     * @return its survivorship: the one set for the name, else the one for all attributes
     */
    public Survivorship attributeRule(String name) {
        return attributeRules.getOrDefault(Checks.notNull("name", name), attributes);
    }

    /**
     * Merges two profiles.
     *
     * @param survivor the profile that stays
     * @param duplicate the profile merged into it
     * @param at the update time of the result
     * @return the merged survivor, at the survivor's version
     * @throws RuleViolationException when the two are the same profile, or of different kinds
     */
    public Customer merge(Customer survivor, Customer duplicate, Instant at) {
        Checks.notNull("survivor", survivor);
        Checks.notNull("duplicate", duplicate);
        Checks.notNull("at", at);
        if (survivor.id().equals(duplicate.id())) {
            throw new RuleViolationException("merge needs two different profiles: " + survivor.id());
        }
        if (survivor.kind() != duplicate.kind()) {
            throw new RuleViolationException("merge needs profiles of one kind: " + survivor.kind() + " and "
                    + duplicate.kind());
        }
        Pair pair = new Pair(survivor, duplicate);
        Set<CustomerId> mergedFrom = new LinkedHashSet<>(survivor.mergedFrom());
        mergedFrom.addAll(duplicate.mergedFrom());
        mergedFrom.add(duplicate.id());
        mergedFrom.remove(survivor.id());

        Map<String, AttributeValue> merged = attributes(survivor, duplicate,
                name -> pair.pick(attributeRule(name), c -> c.attributes().get(name)));
        Set<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(duplicate.tags());

        return survivor.toBuilder()
                .createdAt(survivor.createdAt().isBefore(duplicate.createdAt()) ? survivor.createdAt()
                        : duplicate.createdAt())
                .updatedAt(at.isBefore(survivor.updatedAt()) ? survivor.updatedAt() : at)
                .name(pair.pick(rule(Field.NAME), Customer::name))
                .contactPoints(contacts(pair.newer, pair.older))
                .employer(employer(pair.ordered(rule(Field.EMPLOYER)), survivor.id(), duplicate.id()))
                .accountManager(pair.pick(rule(Field.ACCOUNT_MANAGER), c -> c.accountManager().orElse(null)))
                .timeZone(pair.pick(rule(Field.TIME_ZONE), c -> c.timeZone().orElse(null)))
                .lifecycleStage(pair.pick(rule(Field.LIFECYCLE_STAGE), Customer::lifecycleStage))
                .tags(tags)
                .attributes(merged)
                .keyContacts(union(survivor.keyContacts(), duplicate.keyContacts(), Function.identity()))
                .specialDates(union(survivor.specialDates(), duplicate.specialDates(), Function.identity()))
                .notes(union(survivor.notes(), duplicate.notes(), Function.identity()))
                .externalIds(union(survivor.externalIds(), duplicate.externalIds(), Function.identity()))
                .paymentInstruments(union(survivor.paymentInstruments(), duplicate.paymentInstruments(),
                        p -> p.token()))
                .preferences(union(survivor.preferences(), duplicate.preferences(), Function.identity()))
                .consents(union(survivor.consents().history(), duplicate.consents().history(), Function.identity()))
                .agreements(union(survivor.agreements(), duplicate.agreements(), a -> a.id()))
                .mergedFrom(mergedFrom)
                .build();
    }

    /**
     * The survivor as it would be had the merge not happened, keeping what changed on it since: each single value
     * and each attribute the survivor still holds as the merge left it goes back to its value before the merge,
     * and one changed since stays; each list and set loses what the merge added and keeps what was added or
     * removed since. Consent records given since the merge stay with the survivor.
     *
     * @param record the merge's audit
     * @param current the survivor now
     * @param at the update time of the result
     * @return the restored survivor, at the current version
     * @throws RuleViolationException when the current profile is not the record's survivor
     */
    public Customer restoreSurvivor(MergeRecord record, Customer current, Instant at) {
        Checks.notNull("record", record);
        Checks.notNull("current", current);
        Checks.notNull("at", at);
        if (!current.id().equals(record.survivor())) {
            throw new RuleViolationException("restoring the survivor of " + record.duplicate() + " needs profile "
                    + record.survivor() + ": " + current.id());
        }
        Customer before = record.survivorBefore();
        Customer merged = record.merged();
        Map<String, AttributeValue> attributes = attributes(before, current,
                name -> rebase(before, merged, current, c -> c.attributes().get(name)));
        return current.toBuilder()
                .createdAt(rebase(before, merged, current, Customer::createdAt))
                .updatedAt(at.isBefore(current.updatedAt()) ? current.updatedAt() : at)
                .name(rebase(before, merged, current, Customer::name))
                .contactPoints(contactsRebased(before, merged, current))
                .employer(rebase(before, merged, current, c -> c.employer().orElse(null)))
                .accountManager(rebase(before, merged, current, c -> c.accountManager().orElse(null)))
                .timeZone(rebase(before, merged, current, c -> c.timeZone().orElse(null)))
                .lifecycleStage(rebase(before, merged, current, Customer::lifecycleStage))
                .tags(rebaseList(before, merged, current, c -> List.copyOf(c.tags())))
                .attributes(attributes)
                .keyContacts(rebaseList(before, merged, current, Customer::keyContacts))
                .specialDates(rebaseList(before, merged, current, Customer::specialDates))
                .notes(rebaseList(before, merged, current, Customer::notes))
                .externalIds(rebaseList(before, merged, current, Customer::externalIds))
                .paymentInstruments(rebaseList(before, merged, current, Customer::paymentInstruments))
                .preferences(rebaseList(before, merged, current, Customer::preferences))
                .consents(rebaseList(before, merged, current, c -> c.consents().history()))
                .agreements(rebaseList(before, merged, current, Customer::agreements))
                .mergedFrom(rebaseList(before, merged, current, c -> List.copyOf(c.mergedFrom())))
                .build();
    }

    /**
     * The duplicate as it was before the merge, with every consent withdrawal the survivor received since: whoever
     * of the two withdrew it, no one is contacted against a withdrawal because a merge was undone.
     *
     * @param record the merge's audit
     * @param current the survivor now
     * @return the duplicate to store again, at version 0
     */
    public Customer restoreDuplicate(MergeRecord record, Customer current) {
        Checks.notNull("record", record);
        Checks.notNull("current", current);
        Customer dup = record.duplicateBefore().withVersion(0);
        List<ConsentRecord> since = new ArrayList<>(current.consents().history());
        since.removeAll(record.merged().consents().history());
        since.removeIf(r -> r.status() != ConsentStatus.WITHDRAWN);
        return since.isEmpty() ? dup
                : dup.toBuilder().consents(union(dup.consents().history(), since, Function.identity())).build();
    }

    /** Each attribute either profile holds, valued by the function; a name it values null is left out. */
    private static Map<String, AttributeValue> attributes(Customer a, Customer b,
                                                          Function<String, @Nullable AttributeValue> value) {
        Set<String> names = new TreeSet<>(a.attributes().keySet());
        names.addAll(b.attributes().keySet());
        Map<String, AttributeValue> out = new TreeMap<>();
        for (String name : names) {
            AttributeValue v = value.apply(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /** A single value: the one before the merge while it is as the merge left it, else the one set since. */
    private static <V> @Nullable V rebase(Customer before, Customer merged, Customer current,
                                          Function<Customer, @Nullable V> value) {
        V now = value.apply(current);
        return Objects.equals(now, value.apply(merged)) ? value.apply(before) : now;
    }

    /** A list: the one before the merge, less what was removed since, with what was added since. */
    private static <T> List<T> rebaseList(Customer before, Customer merged, Customer current,
                                          Function<Customer, List<T>> value) {
        return rebase(value.apply(before), value.apply(merged), value.apply(current));
    }

    private static <T> List<T> rebase(List<T> before, List<T> merged, List<T> current) {
        return rebase(before, merged, current, Function.identity());
    }

    /**
     * Three-way rebase of a list whose elements are known by a key: what the merge added goes, whatever its state
     * now; what the survivor held before stays unless removed since, as it was before unless changed since.
     * What was added since stays.
     */
    private static <T, K> List<T> rebase(List<T> before, List<T> merged, List<T> current, Function<T, K> key) {
        Map<K, T> then = new HashMap<>();
        merged.forEach(t -> then.putIfAbsent(key.apply(t), t));
        Map<K, T> now = new HashMap<>();
        current.forEach(t -> now.putIfAbsent(key.apply(t), t));
        List<T> out = new ArrayList<>(before.size());
        Set<K> kept = new HashSet<>();
        for (T t : before) {
            K k = key.apply(t);
            T still = now.get(k);
            T mergedAs = then.get(k);
            if (still == null && mergedAs != null) {
                continue;                                   // removed since
            }
            kept.add(k);
            out.add(still == null || still.equals(mergedAs) ? t : still);
        }
        for (T t : current) {
            K k = key.apply(t);
            if (!then.containsKey(k) && kept.add(k)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Contact points rebased by address (a flag changed since, such as primary after a later merge, does not hide
     * that the merge brought the address), one primary per kind.
     */
    private static List<ContactPoint> contactsRebased(Customer before, Customer merged, Customer current) {
        Set<ContactKind> primaries = EnumSet.noneOf(ContactKind.class);
        List<ContactPoint> out = new ArrayList<>();
        for (ContactPoint cp : rebase(before.contactPoints(), merged.contactPoints(), current.contactPoints(),
                ContactPoint::address)) {
            out.add(cp.primary() && !primaries.add(cp.kind()) ? cp.withPrimary(false) : cp);
        }
        return out;
    }

    /** The two profiles of a merge, in the orders the rules ask for. */
    private static final class Pair {
        final Customer survivor;
        final Customer duplicate;
        final Customer newer;
        final Customer older;

        Pair(Customer survivor, Customer duplicate) {
            this.survivor = survivor;
            this.duplicate = duplicate;
            boolean survivorNewer = !survivor.updatedAt().isBefore(duplicate.updatedAt());
            newer = survivorNewer ? survivor : duplicate;
            older = survivorNewer ? duplicate : survivor;
        }

        List<Customer> ordered(Survivorship rule) {
            return switch (rule) {
                case NEWER -> List.of(newer, older);
                case OLDER -> List.of(older, newer);
                case SURVIVOR -> List.of(survivor, duplicate);
                case DUPLICATE -> List.of(duplicate, survivor);
            };
        }

        /** The first profile's value by the rule, else the other's; null when neither has one. */
        <V> @Nullable V pick(Survivorship rule, Function<Customer, @Nullable V> value) {
            for (Customer c : ordered(rule)) {
                V v = value.apply(c);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Sets survivorship rules. Not thread-safe. */
    public static final class Builder {
        private final Map<Field, Survivorship> fields = new EnumMap<>(Field.class);
        private Survivorship attributes = Survivorship.NEWER;
        private final Map<String, Survivorship> attributeRules = new HashMap<>();

        private Builder() {
            for (Field f : Field.values()) {
                fields.put(f, f == Field.NAME ? Survivorship.SURVIVOR : Survivorship.NEWER);
            }
        }

        /**
         * @param field a single value
         * @param rule whose value it takes
         * @return this builder
         */
        public Builder rule(Field field, Survivorship rule) {
            fields.put(Checks.notNull("field", field), Checks.notNull("rule", rule));
            return this;
        }

        /**
         * @param rule whose value a custom attribute held by both takes, unless set for its name
         * @return this builder
         */
        public Builder attributes(Survivorship rule) {
            attributes = Checks.notNull("rule", rule);
            return this;
        }

        /**
         * @param name a custom attribute's name
         * @param rule whose value that attribute takes when both hold it
         * @return this builder
         */
        public Builder attribute(String name, Survivorship rule) {
            attributeRules.put(Checks.shortText("attribute name", name), Checks.notNull("rule", rule));
            return this;
        }

        /** {@return the merger} */
        public ProfileMerger build() {
            return new ProfileMerger(this);
        }
    }

    /** The first profile's employer, else the other's; never one of the two profiles being merged. */
    private static @Nullable CustomerId employer(List<Customer> ordered, CustomerId a, CustomerId b) {
        for (Customer c : ordered) {
            CustomerId e = c.employer().orElse(null);
            if (e != null && !e.equals(a) && !e.equals(b)) {
                return e;
            }
        }
        return null;
    }

    private static List<ContactPoint> contacts(Customer newer, Customer older) {
        Map<ContactAddress, ContactPoint> byAddress = new LinkedHashMap<>();
        Map<ContactAddress, Integer> rank = new HashMap<>();
        // Lower rank wins: verified before unverified, newer profile before older.
        for (int side = 0; side < 2; side++) {
            for (ContactPoint cp : (side == 0 ? newer : older).contactPoints()) {
                int r = (cp.verified() ? 0 : 2) + side;
                Integer seen = rank.get(cp.address());
                if (seen == null || r < seen) {
                    rank.put(cp.address(), r);
                    byAddress.put(cp.address(), cp);
                }
            }
        }
        Map<ContactKind, ContactAddress> primary = new HashMap<>();
        Map<ContactKind, Integer> primaryRank = new HashMap<>();
        for (int side = 0; side < 2; side++) {
            for (ContactPoint cp : (side == 0 ? newer : older).contactPoints()) {
                if (!cp.primary()) {
                    continue;
                }
                int r = (byAddress.get(cp.address()).verified() ? 0 : 2) + side;
                Integer best = primaryRank.get(cp.kind());
                if (best == null || r < best) {
                    primaryRank.put(cp.kind(), r);
                    primary.put(cp.kind(), cp.address());
                }
            }
        }
        List<ContactPoint> out = new ArrayList<>(byAddress.size());
        byAddress.values().stream()
                .sorted(Comparator.comparing(ContactPoint::kind))
                .forEach(cp -> out.add(cp.withPrimary(cp.address().equals(primary.get(cp.kind())))));
        return out;
    }

    private static <T> List<T> union(List<T> first, List<T> second, Function<T, ?> key) {
        Map<Object, T> byKey = new LinkedHashMap<>();
        for (T t : first) {
            byKey.putIfAbsent(key.apply(t), t);
        }
        for (T t : second) {
            byKey.putIfAbsent(key.apply(t), t);
        }
        return List.copyOf(byKey.values());
    }
}
