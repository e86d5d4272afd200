package org.crmkit.core.customer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.agreement.Agreement;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Limits;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Consents;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.payment.PaymentInstrument;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.jspecify.annotations.Nullable;

/**
 * One unified, global profile of a customer: a person, an organization or a government body. It holds the
 * customer's names, contact points, employer and key contacts, lifecycle stage, account manager, time zone, tags,
 * typed custom attributes, special dates, staff notes, ids in other systems, payment cards on file (as tokens),
 * preferences, consent history and standing agreements (C1, C4, C5, C10, C11).
 *
 * <p>Touchpoints and service cases refer to a customer by id and are stored on their own. The {@link #version()}
 * is the stored version the snapshot was read at ({@code 0} before it is first saved), used for optimistic
 * concurrency. Contact points are kept with exactly one primary per kind: when none is marked, the first of the
 * kind becomes primary. Immutable and thread-safe.
 */
public final class Customer {
    private final CustomerId id;
    private final CustomerKind kind;
    private final Name name;
    private final List<ContactPoint> contactPoints;
    private final @Nullable CustomerId employer;
    private final List<KeyContact> keyContacts;
    private final LifecycleStage lifecycleStage;
    private final @Nullable StaffId accountManager;
    private final @Nullable ZoneId timeZone;
    private final Set<String> tags;
    private final Map<String, AttributeValue> attributes;
    private final List<SpecialDate> specialDates;
    private final List<StaffNote> notes;
    private final List<ExternalId> externalIds;
    private final List<PaymentInstrument> paymentInstruments;
    private final List<Preference> preferences;
    private final Consents consents;
    private final List<Agreement> agreements;
    private final Set<CustomerId> mergedFrom;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Customer(Builder b) {
        id = Checks.notNull("id", b.id);
        kind = Checks.notNull("kind", b.kind);
        name = Checks.notNull("name", b.name);
        if ((kind == CustomerKind.PERSON) != (name instanceof Name.Person)) {
            throw new RuleViolationException("name must be a person's name exactly when kind is PERSON: " + kind);
        }
        contactPoints = normaliseContacts(Checks.list("contactPoints", b.contactPoints, Limits.CONTACT_POINTS));
        employer = b.employer;
        if (id.equals(employer)) {
            throw new RuleViolationException("employer must not be the customer itself: " + id);
        }
        keyContacts = Checks.list("keyContacts", b.keyContacts, Limits.KEY_CONTACTS);
        lifecycleStage = Checks.notNull("lifecycleStage", b.lifecycleStage);
        accountManager = b.accountManager;
        timeZone = b.timeZone;
        tags = tags(b.tags);
        attributes = attributes(b.attributes);
        specialDates = Checks.list("specialDates", b.specialDates, Limits.SPECIAL_DATES);
        notes = Checks.list("notes", b.notes, Limits.NOTES);
        externalIds = distinct("externalIds", b.externalIds, Limits.EXTERNAL_IDS, e -> e);
        paymentInstruments = distinct("paymentInstruments", b.paymentInstruments, Limits.PAYMENT_INSTRUMENTS,
                PaymentInstrument::token);
        preferences = Checks.list("preferences", b.preferences, Limits.PREFERENCES);
        consents = Consents.of(Checks.list("consents", b.consents, Limits.CONSENTS));
        agreements = distinct("agreements", b.agreements, Limits.AGREEMENTS, Agreement::id);
        mergedFrom = sortedIds(b.mergedFrom);
        if (mergedFrom.contains(id)) {
            throw new RuleViolationException("mergedFrom must not contain the customer itself: " + id);
        }
        version = Checks.version(b.version);
        createdAt = Checks.notNull("createdAt", b.createdAt);
        updatedAt = b.updatedAt == null ? createdAt : b.updatedAt;
        if (updatedAt.isBefore(createdAt)) {
            throw new RuleViolationException("updatedAt must not be before createdAt: " + updatedAt);
        }
    }

    /** {@return a builder for a new profile} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this profile's values} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the profile's id} */
    public CustomerId id() {
        return id;
    }

    /** {@return whether the customer is a person, an organization or a government body} */
    public CustomerKind kind() {
        return kind;
    }

    /** {@return the name} */
    public Name name() {
        return name;
    }

    /** {@return the contact points, in the order added; one primary per kind} */
    public List<ContactPoint> contactPoints() {
        return contactPoints;
    }

    /**
     * The primary contact point of a kind.
     *
     * @param contactKind the kind
     * @return the primary contact point, if the customer has one of that kind
     */
    public Optional<ContactPoint> primaryContact(ContactKind contactKind) {
        for (ContactPoint c : contactPoints) {
            if (c.primary() && c.kind() == contactKind) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@return the employer's or parent company's profile id, if any} */
    public Optional<CustomerId> employer() {
        return Optional.ofNullable(employer);
    }

    /** {@return the key contacts at a key-account client (C4)} */
    public List<KeyContact> keyContacts() {
        return keyContacts;
    }

    /** {@return the lifecycle stage} */
    public LifecycleStage lifecycleStage() {
        return lifecycleStage;
    }

    /** {@return the account manager, if one is assigned} */
    public Optional<StaffId> accountManager() {
        return Optional.ofNullable(accountManager);
    }

    /** {@return the customer's time zone, if known; contact policies use it for quiet hours} */
    public Optional<ZoneId> timeZone() {
        return Optional.ofNullable(timeZone);
    }

    /** {@return the tags, sorted} */
    public Set<String> tags() {
        return tags;
    }

    /** {@return the typed custom attributes} */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** {@return the special dates (C5)} */
    public List<SpecialDate> specialDates() {
        return specialDates;
    }

    /** {@return the staff notes, in the order written} */
    public List<StaffNote> notes() {
        return notes;
    }

    /** {@return the ids in other systems (C10)} */
    public List<ExternalId> externalIds() {
        return externalIds;
    }

    /** {@return the payment cards on file, as tokens (C1)} */
    public List<PaymentInstrument> paymentInstruments() {
        return paymentInstruments;
    }

    /** {@return every preference recorded, in the order recorded} */
    public List<Preference> preferences() {
        return preferences;
    }

    /** {@return the preferences in effect once conflicts are resolved} */
    public EffectivePreferences effectivePreferences() {
        return EffectivePreferences.resolve(preferences);
    }

    /** {@return the consent history and the answers it gives} */
    public Consents consents() {
        return consents;
    }

    /** {@return the standing agreements} */
    public List<Agreement> agreements() {
        return agreements;
    }

    /**
     * The agreement of a type in force at an instant (C1: does this rental need a signature?).
     *
     * @param type the agreement type
     * @param at the instant
     * @return the valid agreement, if any
     */
    public Optional<Agreement> validAgreement(String type, Instant at) {
        Checks.notNull("type", type);
        Checks.notNull("at", at);
        return agreements.stream().filter(a -> a.type().equals(type) && a.isValidAt(at)).findFirst();
    }

    /** {@return the ids of profiles merged into this one (C10)} */
    public Set<CustomerId> mergedFrom() {
        return mergedFrom;
    }

    /** {@return the stored version this snapshot was read at; 0 before the first save} */
    public long version() {
        return version;
    }

    /** {@return when the profile was created} */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@return when the profile last changed} */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * A copy with a preference recorded.
     *
     * @param preference the preference
     * @return the new snapshot
     */
    public Customer withPreference(Preference preference) {
        Checks.notNull("preference", preference);
        return toBuilder().preferences(append(preferences, preference)).build();
    }

    /**
     * A copy with a consent decision recorded.
     *
     * @param record the decision
     * @return the new snapshot
     */
    public Customer withConsent(ConsentRecord record) {
        Checks.notNull("record", record);
        return toBuilder().consents(append(consents.history(), record)).build();
    }

    /**
     * A copy with a contact point added or, when the address is already present, replaced.
     *
     * @param contact the contact point
     * @return the new snapshot
     */
    public Customer withContactPoint(ContactPoint contact) {
        Checks.notNull("contact", contact);
        List<ContactPoint> list = new ArrayList<>(contactPoints.size() + 1);
        for (ContactPoint c : contactPoints) {
            if (!c.address().equals(contact.address())) {
                list.add(contact.primary() && c.kind() == contact.kind() ? c.withPrimary(false) : c);
            }
        }
        list.add(contact);
        return toBuilder().contactPoints(list).build();
    }

    /**
     * A copy without a contact address.
     *
     * @param address the address to remove
     * @return the new snapshot
     */
    public Customer withoutContact(ContactAddress address) {
        Checks.notNull("address", address);
        return toBuilder().contactPoints(contactPoints.stream().filter(c -> !c.address().equals(address)).toList())
                .build();
    }

    /**
     * A copy with a staff note added.
     *
     * @param note the note
     * @return the new snapshot
     */
    public Customer withNote(StaffNote note) {
        Checks.notNull("note", note);
        return toBuilder().notes(append(notes, note)).build();
    }

    /**
     * A copy with an agreement added, or replaced when one with the same id exists.
     *
     * @param agreement the agreement
     * @return the new snapshot
     */
    public Customer withAgreement(Agreement agreement) {
        Checks.notNull("agreement", agreement);
        List<Agreement> list = new ArrayList<>(agreements);
        list.removeIf(a -> a.id().equals(agreement.id()));
        list.add(agreement);
        return toBuilder().agreements(list).build();
    }

    /**
     * A copy in another lifecycle stage.
     *
     * @param stage the stage
     * @return the new snapshot
     */
    public Customer withLifecycleStage(LifecycleStage stage) {
        return toBuilder().lifecycleStage(stage).build();
    }

    /**
     * A copy with the given stored version; used by repositories when storing.
     *
     * @param newVersion the stored version
     * @return the new snapshot
     */
    public Customer withVersion(long newVersion) {
        return toBuilder().version(newVersion).build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Customer c)) {
            return false;
        }
        return version == c.version && id.equals(c.id) && kind == c.kind && name.equals(c.name)
                && contactPoints.equals(c.contactPoints) && Objects.equals(employer, c.employer)
                && keyContacts.equals(c.keyContacts) && lifecycleStage == c.lifecycleStage
                && Objects.equals(accountManager, c.accountManager) && Objects.equals(timeZone, c.timeZone)
                && tags.equals(c.tags)
                && attributes.equals(c.attributes) && specialDates.equals(c.specialDates) && notes.equals(c.notes)
                && externalIds.equals(c.externalIds) && paymentInstruments.equals(c.paymentInstruments)
                && preferences.equals(c.preferences) && consents.equals(c.consents)
                && agreements.equals(c.agreements) && mergedFrom.equals(c.mergedFrom)
                && createdAt.equals(c.createdAt) && updatedAt.equals(c.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, name, contactPoints, preferences, consents, updatedAt);
    }

    /** {@return a summary naming the id, kind, name and version; no contact data or payment details} */
    @Override
    public String toString() {
        return "Customer[" + id + ", " + kind + ", " + name.display() + ", v" + version + "]";
    }

    private static List<ContactPoint> normaliseContacts(List<ContactPoint> given) {
        if (given.isEmpty()) {
            return given;
        }
        Set<ContactAddress> seen = new HashSet<>();
        Set<ContactKind> primaries = EnumSet.noneOf(ContactKind.class);
        for (ContactPoint c : given) {
            if (!seen.add(c.address())) {
                throw new RuleViolationException("contactPoints must not repeat an address: " + c.kind());
            }
            if (c.primary() && !primaries.add(c.kind())) {
                throw new RuleViolationException("contactPoints must have at most one primary " + c.kind());
            }
        }
        List<ContactPoint> out = new ArrayList<>(given.size());
        for (ContactPoint c : given) {
            if (!c.primary() && primaries.add(c.kind())) {
                c = c.withPrimary(true);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static Set<String> tags(@Nullable Collection<String> given) {
        Checks.list("tags", given, Limits.TAGS);
        if (given.isEmpty()) {
            return Set.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String t : given) {
            sorted.add(Checks.code("tag", t));
        }
        return java.util.Collections.unmodifiableSortedSet(sorted);
    }

    private static Map<String, AttributeValue> attributes(@Nullable Map<String, AttributeValue> given) {
        Map<String, AttributeValue> map = Checks.map("attributes", given, Limits.ATTRIBUTES);
        map.keySet().forEach(k -> Checks.code("attribute name", k));
        return map;
    }

    private static Set<CustomerId> sortedIds(@Nullable Collection<CustomerId> given) {
        Checks.notNull("mergedFrom", given);
        Checks.list("mergedFrom", given, Limits.MERGED_FROM);
        if (given.isEmpty()) {
            return Set.of();
        }
        TreeSet<CustomerId> sorted = new TreeSet<>(java.util.Comparator.comparing(CustomerId::value));
        for (CustomerId c : given) {
            sorted.add(Checks.notNull("mergedFrom element", c));
        }
        return java.util.Collections.unmodifiableSortedSet(sorted);
    }

    private static <T> List<T> distinct(String field, @Nullable Collection<T> given, int max,
                                        java.util.function.Function<T, ?> key) {
        List<T> list = Checks.list(field, given, max);
        Set<Object> seen = new HashSet<>();
        for (T t : list) {
            if (!seen.add(key.apply(t))) {
                throw new RuleViolationException(field + " must not repeat: " + key.apply(t));
            }
        }
        return list;
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(element);
        return out;
    }

    /**
     * Builds a {@link Customer}. Required: id, kind (defaults to {@link CustomerKind#PERSON}), name and createdAt.
     * Not thread-safe; use one builder per thread.
     */
    public static final class Builder {
        private @Nullable CustomerId id;
        private CustomerKind kind = CustomerKind.PERSON;
        private @Nullable Name name;
        private List<ContactPoint> contactPoints = List.of();
        private @Nullable CustomerId employer;
        private List<KeyContact> keyContacts = List.of();
        private LifecycleStage lifecycleStage = LifecycleStage.PROSPECT;
        private @Nullable StaffId accountManager;
        private @Nullable ZoneId timeZone;
        private Collection<String> tags = List.of();
        private Map<String, AttributeValue> attributes = Map.of();
        private List<SpecialDate> specialDates = List.of();
        private List<StaffNote> notes = List.of();
        private List<ExternalId> externalIds = List.of();
        private List<PaymentInstrument> paymentInstruments = List.of();
        private List<Preference> preferences = List.of();
        private List<ConsentRecord> consents = List.of();
        private List<Agreement> agreements = List.of();
        private Collection<CustomerId> mergedFrom = List.of();
        private long version;
        private @Nullable Instant createdAt;
        private @Nullable Instant updatedAt;

        private Builder() {
        }

        private Builder(Customer c) {
            id = c.id;
            kind = c.kind;
            name = c.name;
            contactPoints = c.contactPoints;
            employer = c.employer;
            keyContacts = c.keyContacts;
            lifecycleStage = c.lifecycleStage;
            accountManager = c.accountManager;
            timeZone = c.timeZone;
            tags = c.tags;
            attributes = c.attributes;
            specialDates = c.specialDates;
            notes = c.notes;
            externalIds = c.externalIds;
            paymentInstruments = c.paymentInstruments;
            preferences = c.preferences;
            consents = c.consents.history();
            agreements = c.agreements;
            mergedFrom = c.mergedFrom;
            version = c.version;
            createdAt = c.createdAt;
            updatedAt = c.updatedAt;
        }

        /** @param value the id @return this builder */
        public Builder id(CustomerId value) {
            id = value;
            return this;
        }

        /** @param value person, organization or government @return this builder */
        public Builder kind(CustomerKind value) {
            kind = value;
            return this;
        }

        /** @param value the name; a {@link Name.Person} for persons @return this builder */
        public Builder name(Name value) {
            name = value;
            return this;
        }

        /** @param value the contact points @return this builder */
        public Builder contactPoints(List<ContactPoint> value) {
            contactPoints = value;
            return this;
        }

        /** @param value a contact point to add @return this builder */
        public Builder addContactPoint(ContactPoint value) {
            contactPoints = append(contactPoints, value);
            return this;
        }

        /** @param value the employer's profile, or null @return this builder */
        public Builder employer(@Nullable CustomerId value) {
            employer = value;
            return this;
        }

        /** @param value the key contacts @return this builder */
        public Builder keyContacts(List<KeyContact> value) {
            keyContacts = value;
            return this;
        }

        /** @param value the lifecycle stage @return this builder */
        public Builder lifecycleStage(LifecycleStage value) {
            lifecycleStage = value;
            return this;
        }

        /** @param value the account manager, or null @return this builder */
        public Builder accountManager(@Nullable StaffId value) {
            accountManager = value;
            return this;
        }

        /** @param value the customer's time zone, or null @return this builder */
        public Builder timeZone(@Nullable ZoneId value) {
            timeZone = value;
            return this;
        }

        /** @param value the tags @return this builder */
        public Builder tags(Collection<String> value) {
            tags = value;
            return this;
        }

        /** @param value the typed custom attributes @return this builder */
        public Builder attributes(Map<String, AttributeValue> value) {
            attributes = value;
            return this;
        }

        /** @param key attribute name @param value its value @return this builder */
        public Builder putAttribute(String key, AttributeValue value) {
            Map<String, AttributeValue> map = new LinkedHashMap<>(attributes);
            map.put(key, value);
            attributes = map;
            return this;
        }

        /** @param value the special dates @return this builder */
        public Builder specialDates(List<SpecialDate> value) {
            specialDates = value;
            return this;
        }

        /** @param value the staff notes @return this builder */
        public Builder notes(List<StaffNote> value) {
            notes = value;
            return this;
        }

        /** @param value the external ids @return this builder */
        public Builder externalIds(List<ExternalId> value) {
            externalIds = value;
            return this;
        }

        /** @param value the payment cards on file @return this builder */
        public Builder paymentInstruments(List<PaymentInstrument> value) {
            paymentInstruments = value;
            return this;
        }

        /** @param value the preferences @return this builder */
        public Builder preferences(List<Preference> value) {
            preferences = value;
            return this;
        }

        /** @param value the consent history @return this builder */
        public Builder consents(List<ConsentRecord> value) {
            consents = value;
            return this;
        }

        /** @param value the agreements @return this builder */
        public Builder agreements(List<Agreement> value) {
            agreements = value;
            return this;
        }

        /** @param value the ids merged into this profile @return this builder */
        public Builder mergedFrom(Collection<CustomerId> value) {
            mergedFrom = value;
            return this;
        }

        /** @param value the stored version @return this builder */
        public Builder version(long value) {
            version = value;
            return this;
        }

        /** @param value when the profile was created @return this builder */
        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** @param value when it last changed; defaults to createdAt @return this builder */
        public Builder updatedAt(@Nullable Instant value) {
            updatedAt = value;
            return this;
        }

        /**
         * Builds the profile.
         *
         * @return the validated, immutable profile
         * @throws NullPointerException when a required value is missing, naming it
         * @throws RuleViolationException when a value breaks a rule
         */
        public Customer build() {
            return new Customer(this);
        }
    }
}
