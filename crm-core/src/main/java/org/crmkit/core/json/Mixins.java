package org.crmkit.core.json;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import tools.jackson.databind.annotation.JsonSerialize;

import org.crmkit.core.agreement.Agreement;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Consents;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.KeyContact;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.SpecialDate;
import org.crmkit.core.customer.StaffNote;
import org.crmkit.core.payment.PaymentInstrument;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Observation;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.StatusChange;
import org.crmkit.core.servicelevel.AroundTheClock;
import org.crmkit.core.servicelevel.BusinessHours;
import org.crmkit.core.servicelevel.OpeningHours;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Expectation;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

/** Jackson annotations for crm-core types, kept here so that the domain types carry none. */
final class Mixins {
    private Mixins() {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Name.Person.class, name = "person"),
        @JsonSubTypes.Type(value = Name.Organization.class, name = "organization")
    })
    interface NameMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = CrmEvent.CustomerCreated.class, name = "customer-created"),
        @JsonSubTypes.Type(value = CrmEvent.CustomerUpdated.class, name = "customer-updated"),
        @JsonSubTypes.Type(value = CrmEvent.CustomerMerged.class, name = "customer-merged"),
        @JsonSubTypes.Type(value = CrmEvent.CustomerUnmerged.class, name = "customer-unmerged"),
        @JsonSubTypes.Type(value = CrmEvent.PreferenceRecorded.class, name = "preference-recorded"),
        @JsonSubTypes.Type(value = CrmEvent.ConsentChanged.class, name = "consent-changed"),
        @JsonSubTypes.Type(value = CrmEvent.TouchpointRecorded.class, name = "touchpoint-recorded"),
        @JsonSubTypes.Type(value = CrmEvent.CaseStatusChanged.class, name = "case-status-changed"),
        @JsonSubTypes.Type(value = CrmEvent.ServiceLevelWarning.class, name = "service-level-warning"),
        @JsonSubTypes.Type(value = CrmEvent.ServiceLevelBreached.class, name = "service-level-breached"),
        @JsonSubTypes.Type(value = CrmEvent.EscalationStepReached.class, name = "escalation-step-reached"),
        @JsonSubTypes.Type(value = CrmEvent.CustomerErased.class, name = "customer-erased")
    })
    interface EventMixin {
    }

    /**
     * Aggregates are written from their public accessors, named here one by one so that a derived accessor
     * ({@code effectivePreferences}, {@code status}) is not written, and read through their builders.
     */
    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonPropertyOrder({"id", "kind", "name", "contactPoints", "employer", "keyContacts", "lifecycleStage",
        "accountManager", "timeZone", "tags", "attributes", "specialDates", "notes", "externalIds",
        "paymentInstruments", "preferences", "consents", "agreements", "mergedFrom", "version", "createdAt",
        "updatedAt"})
    @JsonDeserialize(builder = Customer.Builder.class)
    abstract static class CustomerMixin {
        @JsonProperty abstract CustomerId id();
        @JsonProperty abstract CustomerKind kind();
        @JsonProperty abstract Name name();
        @JsonProperty abstract List<ContactPoint> contactPoints();
        @JsonProperty abstract Optional<CustomerId> employer();
        @JsonProperty abstract List<KeyContact> keyContacts();
        @JsonProperty abstract LifecycleStage lifecycleStage();
        @JsonProperty abstract Optional<StaffId> accountManager();
        @JsonProperty abstract Optional<ZoneId> timeZone();
        @JsonProperty abstract Set<String> tags();
        @JsonProperty abstract Map<String, AttributeValue> attributes();
        @JsonProperty abstract List<SpecialDate> specialDates();
        @JsonProperty abstract List<StaffNote> notes();
        @JsonProperty abstract List<ExternalId> externalIds();
        @JsonProperty abstract List<PaymentInstrument> paymentInstruments();
        @JsonProperty abstract List<Preference> preferences();
        @JsonProperty abstract Consents consents();
        @JsonProperty abstract List<Agreement> agreements();
        @JsonProperty abstract Set<CustomerId> mergedFrom();
        @JsonProperty abstract long version();
        @JsonProperty abstract Instant createdAt();
        @JsonProperty abstract Instant updatedAt();
    }

    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonPropertyOrder({"id", "customerId", "occurredAt", "channel", "direction", "kind", "location", "staff",
        "outcome", "expectation", "amount", "lineItems", "attributes", "relatedTo", "version"})
    @JsonDeserialize(builder = Touchpoint.Builder.class)
    abstract static class TouchpointMixin {
        @JsonProperty abstract TouchpointId id();
        @JsonProperty abstract CustomerId customerId();
        @JsonProperty abstract Instant occurredAt();
        @JsonProperty abstract Channel channel();
        @JsonProperty abstract Direction direction();
        @JsonProperty abstract TouchpointKind kind();
        @JsonProperty abstract Optional<LocationId> location();
        @JsonProperty abstract Optional<StaffId> staff();
        @JsonProperty abstract Optional<String> outcome();
        @JsonProperty abstract Optional<Expectation> expectation();
        @JsonProperty abstract Optional<Money> amount();
        @JsonProperty abstract List<LineItem> lineItems();
        @JsonProperty abstract Map<String, AttributeValue> attributes();
        @JsonProperty abstract Optional<TouchpointId> relatedTo();
        @JsonProperty abstract long version();
    }

    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonPropertyOrder({"id", "customerId", "category", "lane", "priority", "subject", "history", "observations",
        "rootCause", "resolution", "linkedTouchpoints", "version"})
    @JsonDeserialize(builder = ServiceCase.Builder.class)
    abstract static class ServiceCaseMixin {
        @JsonProperty abstract CaseId id();
        @JsonProperty abstract CustomerId customerId();
        @JsonProperty abstract CaseCategory category();
        @JsonProperty abstract Lane lane();
        @JsonProperty abstract Priority priority();
        @JsonProperty abstract String subject();
        @JsonProperty abstract List<StatusChange> history();
        @JsonProperty abstract List<Observation> observations();
        @JsonProperty abstract Optional<String> rootCause();
        @JsonProperty abstract Optional<String> resolution();
        @JsonProperty abstract List<TouchpointId> linkedTouchpoints();
        @JsonProperty abstract long version();
    }

    @JsonPOJOBuilder(withPrefix = "", buildMethodName = "build")
    abstract static class BuilderMixin {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = AroundTheClock.class, name = "around-the-clock"),
        @JsonSubTypes.Type(value = BusinessHours.class, name = "business-hours")
    })
    interface CalendarMixin {
    }

    @JsonPropertyOrder({"zone", "week", "holidays"})
    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    abstract static class BusinessHoursMixin {
        @JsonProperty("zone")
        abstract ZoneId zone();

        @JsonProperty("week")
        @JsonSerialize(keyUsing = DayKeys.Writer.class)
        abstract Map<DayOfWeek, List<OpeningHours>> week();

        @JsonProperty("holidays")
        abstract Set<LocalDate> holidays();
    }

    abstract static class ConsentsMixin {
        @JsonCreator
        static Consents of(List<ConsentRecord> records) {
            throw new AssertionError("mix-in");
        }

        @JsonValue
        abstract List<ConsentRecord> history();
    }

    abstract static class EffectivePreferencesMixin {
        @JsonCreator
        static EffectivePreferences resolve(List<Preference> recorded) {
            throw new AssertionError("mix-in");
        }

        @JsonValue
        abstract List<Preference> all();
    }

    /** Days of the week as map keys, spelled as crmkit spells its own constants ({@code "monday"}). */
    static final class DayKeys {
        private DayKeys() {
        }

        static final class Writer extends ValueSerializer<DayOfWeek> {
            @Override
            public void serialize(DayOfWeek day, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeName(EnumNames.of(day));
            }
        }
    }

    /**
     * Business hours read by hand: a key deserializer named on a mix-in's creator parameter does not take effect,
     * and the days are spelled {@code "monday"}, not as Java names them.
     */
    static final class BusinessHoursReader extends ValueDeserializer<BusinessHours> {
        @Override
        public BusinessHours deserialize(JsonParser p, DeserializationContext ctxt) {
            TreeReader t = TreeReader.object(ctxt.readTree(p), "$", Set.of("zone", "week", "holidays"));
            ZoneId zone = TreeReader.at(t.path("zone"), () -> ZoneId.of(t.text("zone")));
            JsonNode days = t.field("week");
            TreeReader week = TreeReader.object(days, t.path("week"), Set.copyOf(EnumNames.all(DayOfWeek.class)));
            Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
            for (String day : days.propertyNames()) {
                hours.put(EnumNames.parse(DayOfWeek.class, day), week.strings(day).stream()
                        .map(h -> TreeReader.at(week.path(day), () -> OpeningHours.parse(h))).toList());
            }
            Set<LocalDate> holidays = new TreeSet<>();
            for (String day : t.has("holidays") ? t.strings("holidays") : List.<String>of()) {
                holidays.add(TreeReader.at(t.path("holidays"), () -> LocalDate.parse(day)));
            }
            return t.build(() -> BusinessHours.of(zone, hours, holidays));
        }
    }
}
