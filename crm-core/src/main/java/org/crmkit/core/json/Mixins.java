package org.crmkit.core.json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Consents;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.AroundTheClock;
import org.crmkit.core.servicelevel.BusinessHours;
import org.crmkit.core.servicelevel.OpeningHours;
import org.crmkit.core.touchpoint.Touchpoint;

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
        @JsonSubTypes.Type(value = CrmEvent.PreferenceRecorded.class, name = "preference-recorded"),
        @JsonSubTypes.Type(value = CrmEvent.ConsentChanged.class, name = "consent-changed"),
        @JsonSubTypes.Type(value = CrmEvent.TouchpointRecorded.class, name = "touchpoint-recorded"),
        @JsonSubTypes.Type(value = CrmEvent.CaseStatusChanged.class, name = "case-status-changed"),
        @JsonSubTypes.Type(value = CrmEvent.ServiceLevelWarning.class, name = "service-level-warning"),
        @JsonSubTypes.Type(value = CrmEvent.ServiceLevelBreached.class, name = "service-level-breached"),
        @JsonSubTypes.Type(value = CrmEvent.EscalationStepReached.class, name = "escalation-step-reached"),
        @JsonSubTypes.Type(value = CrmEvent.CustomerErased.class, name = "customer-erased"),
        @JsonSubTypes.Type(value = CrmEvent.SegmentEntered.class, name = "segment-entered"),
        @JsonSubTypes.Type(value = CrmEvent.SegmentExited.class, name = "segment-exited")
    })
    interface EventMixin {
    }

    /** Aggregates are written from their fields and read through their builders. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonDeserialize(builder = Customer.Builder.class)
    abstract static class CustomerMixin {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonDeserialize(builder = Touchpoint.Builder.class)
    abstract static class TouchpointMixin {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    @JsonDeserialize(builder = ServiceCase.Builder.class)
    abstract static class ServiceCaseMixin {
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

    @JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    abstract static class BusinessHoursMixin {
        @JsonCreator
        static BusinessHours of(@JsonProperty("zone") ZoneId zone,
                                @JsonProperty("week") Map<DayOfWeek, List<OpeningHours>> week,
                                @JsonProperty("holidays") Set<LocalDate> holidays) {
            throw new AssertionError("mix-in");
        }

        @JsonProperty("zone")
        abstract ZoneId zone();

        @JsonProperty("week")
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
}
