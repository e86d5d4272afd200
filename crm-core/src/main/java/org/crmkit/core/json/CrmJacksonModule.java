package org.crmkit.core.json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.crmkit.core.CrmException;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.Consents;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.NoteTopic;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventId;
import org.crmkit.core.preference.EffectivePreferences;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.privacy.ErasureCertificate;
import org.crmkit.core.privacy.PartnerDataSet;
import org.crmkit.core.privacy.PseudonymKey;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.servicelevel.BusinessCalendar;
import org.crmkit.core.servicelevel.BusinessHours;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.servicelevel.OpeningHours;
import org.crmkit.core.servicelevel.ServiceLevelStandard;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.core.unify.MergeRecord;

/**
 * Teaches Jackson every public crm-core type, without annotations on the types themselves. Ids, codes, money
 * ({@code "12.50 USD"}), preference keys ({@code "dining:food"}) and external ids ({@code "dealer-042:77"}) are
 * JSON strings; names, events and calendars carry a {@code "type"} naming their variant; times and durations
 * are ISO-8601 strings ({@code "PT48H"}); crmkit's enumeration constants are spelled as {@link EnumNames} spells
 * them ({@code "negative-balance"}). Profiles, touchpoints, cases and events are written from their public
 * accessors and carry their {@link Documents format}.
 * No default typing is used or needed.
 *
 * <p>Add it to a host's mapper with {@code JsonMapper.builder().addModule(new CrmJacksonModule())} or
 * {@code findAndAddModules()}. To read untrusted documents with size limits and path-naming errors, use
 * {@link CrmJson}.
 */
public final class CrmJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The stored documents of crm-core and the format each is written in. */
    static final Map<Class<?>, Integer> FORMATS = Map.of(Customer.class, 1, Touchpoint.class, 1,
            ServiceCase.class, 1, CrmEvent.class, 1, ErasureCertificate.class, 1, PartnerDataSet.class, 1,
            ServiceLevelStandard.class, 1, ItemClock.class, 1, MergeRecord.class, 1);

    /** Creates the module. */
    public CrmJacksonModule() {
        super("crmkit-core");
        Scalars.register(this, CustomerId.class, CustomerId::value, CustomerId::of);
        Scalars.register(this, TouchpointId.class, TouchpointId::value, TouchpointId::of);
        Scalars.register(this, CaseId.class, CaseId::value, CaseId::of);
        Scalars.register(this, AgreementId.class, AgreementId::value, AgreementId::of);
        Scalars.register(this, StaffId.class, StaffId::value, StaffId::of);
        Scalars.register(this, LocationId.class, LocationId::value, LocationId::of);
        Scalars.register(this, Channel.class, Channel::code, Channel::of);
        Scalars.register(this, TouchpointKind.class, TouchpointKind::code, TouchpointKind::of);
        Scalars.register(this, Purpose.class, Purpose::code, Purpose::of);
        Scalars.register(this, Occasion.class, Occasion::code, Occasion::of);
        Scalars.register(this, NoteTopic.class, NoteTopic::code, NoteTopic::of);
        Scalars.register(this, CaseCategory.class, CaseCategory::code, CaseCategory::of);
        Scalars.register(this, Money.class, Money::toString, Money::parse);
        Scalars.register(this, PreferenceKey.class, PreferenceKey::toString, PreferenceKey::parse);
        Scalars.register(this, ExternalId.class, ExternalId::toString, ExternalId::parse);
        Scalars.register(this, StandardId.class, StandardId::value, StandardId::of);
        Scalars.register(this, ItemKey.class, ItemKey::toString, ItemKey::parse);
        Scalars.register(this, EventId.class, EventId::value, EventId::of);
        Scalars.register(this, OpeningHours.class, OpeningHours::toString, OpeningHours::parse);

        addSerializer(PseudonymKey.class, new ValueSerializer<>() {
            @Override
            public void serialize(PseudonymKey value, JsonGenerator gen, SerializationContext ctxt) {
                throw new CrmException("a pseudonym key is never written: the host keeps it in its secret store");
            }
        });
        addSerializer(AttributeValue.class, new AttributeValueJson.Writer());
        addDeserializer(AttributeValue.class, new AttributeValueJson.Reader());
        addSerializer(ContactAddress.class, new ContactAddressJson.Writer());
        addDeserializer(ContactAddress.class, new ContactAddressJson.Reader());
        addDeserializer(BusinessHours.class, new Mixins.BusinessHoursReader());

        setMixInAnnotation(Name.class, Mixins.NameMixin.class);
        setMixInAnnotation(CrmEvent.class, Mixins.EventMixin.class);
        setMixInAnnotation(Customer.class, Mixins.CustomerMixin.class);
        setMixInAnnotation(Customer.Builder.class, Mixins.BuilderMixin.class);
        setMixInAnnotation(Touchpoint.class, Mixins.TouchpointMixin.class);
        setMixInAnnotation(Touchpoint.Builder.class, Mixins.BuilderMixin.class);
        setMixInAnnotation(ServiceCase.class, Mixins.ServiceCaseMixin.class);
        setMixInAnnotation(ServiceCase.Builder.class, Mixins.BuilderMixin.class);
        setMixInAnnotation(BusinessCalendar.class, Mixins.CalendarMixin.class);
        setMixInAnnotation(BusinessHours.class, Mixins.BusinessHoursMixin.class);
        setMixInAnnotation(Consents.class, Mixins.ConsentsMixin.class);
        setMixInAnnotation(EffectivePreferences.class, Mixins.EffectivePreferencesMixin.class);
        Documents.register(this, FORMATS);
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new CrmIntrospector());
        for (Class<?> time : List.of(Instant.class, LocalDate.class, LocalTime.class, YearMonth.class,
                MonthDay.class, Year.class, Duration.class)) {
            context.configOverride(time).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        }
        for (Class<?> aggregate : List.of(Customer.class, Touchpoint.class, ServiceCase.class)) {
            context.configOverride(aggregate).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT,
                    JsonInclude.Include.NON_ABSENT));
        }
    }
}
