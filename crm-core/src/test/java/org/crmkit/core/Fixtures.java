package org.crmkit.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.crmkit.core.agreement.Agreement;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.KeyContact;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.NoteTopic;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;
import org.crmkit.core.customer.StaffNote;
import org.crmkit.core.payment.CardBrand;
import org.crmkit.core.payment.PaymentInstrument;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Observation;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Expectation;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

/** Small, fully populated values for crm-core's own tests (the C1-C12 fixtures live in crm-examples). */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T18:30:00Z");
    public static final PreferenceKey FOOD = PreferenceKey.of("dining", "food");
    public static final PreferenceKey SEAT = PreferenceKey.of("dining", "seat");

    private Fixtures() {
    }

    /** C5's guest, with every field of the profile set. */
    public static Customer fullGuest() {
        return Customer.builder()
                .id(CustomerId.of("guest-1"))
                .kind(CustomerKind.PERSON)
                .name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(EmailAddress.of("Mei.Lin@Example.com")))
                .addContactPoint(ContactPoint.of(PhoneNumber.of("+1 (213) 555-0142")))
                .addContactPoint(ContactPoint.of(PostalAddress.of("1 Grand Ave", "90012", "Los Angeles", "us")))
                .employer(CustomerId.of("acme"))
                .keyContacts(List.of(new KeyContact("Ana Ruiz", "assistant", EmailAddress.of("ana@example.com"),
                        null)))
                .lifecycleStage(LifecycleStage.CUSTOMER)
                .accountManager(StaffId.of("am-7"))
                .tags(List.of("vip", "business"))
                .attributes(Map.of("party-size", AttributeValue.number(2), "first-visit",
                        AttributeValue.date(LocalDate.of(2024, 5, 1)), "family", AttributeValue.flag(false),
                        "occupation", AttributeValue.text("architect")))
                .specialDates(List.of(SpecialDate.of(Occasion.BIRTHDAY, LocalDate.of(1988, 2, 29)),
                        new SpecialDate(Occasion.WEDDING_ANNIVERSARY, MonthDay.of(6, 12), null)))
                .notes(List.of(new StaffNote(NoteTopic.APPEARANCE, "Tall, red scarf", StaffId.of("waiter-3"), T0)))
                .externalIds(List.of(ExternalId.of("pos-la", "8812")))
                .paymentInstruments(List.of(new PaymentInstrument("tok_9f8e7d", CardBrand.VISA, "4242",
                        YearMonth.of(2028, 7))))
                .preferences(List.of(
                        Preference.observed(FOOD, "garlic", Polarity.AVOIDS, 0.9, T0, LocationId.of("los-angeles"),
                                StaffId.of("waiter-3")),
                        Preference.stated(SEAT, "window", Polarity.LIKES, T0)))
                .consents(List.of(ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, T0, "web-form")))
                .agreements(List.of(new Agreement(AgreementId.of("ag-1"), "rental-annual", T0, T0,
                        T0.plusSeconds(365L * 86_400))))
                .mergedFrom(List.of(CustomerId.of("old-1")))
                .version(3)
                .createdAt(T0)
                .updatedAt(T0.plusSeconds(60))
                .build();
    }

    /** A purchase with line items and attributes. */
    public static Touchpoint purchase(String id, CustomerId customer, Instant at) {
        return Touchpoint.builder()
                .id(TouchpointId.of(id))
                .customerId(customer)
                .occurredAt(at)
                .channel(Channel.COUNTER)
                .direction(Direction.INBOUND)
                .kind(TouchpointKind.PURCHASE)
                .location(LocationId.of("store-12"))
                .staff(StaffId.of("cashier-4"))
                .outcome("paid")
                .expectation(Expectation.MET)
                .lineItems(List.of(LineItem.of("sku-1", "pain-relievers", "StoreBrand", 2, Money.of("3.49", "USD")),
                        new LineItem("sku-2", "pet-food", null, new BigDecimal("1.5"), Money.of("4.00", "USD"))))
                .attributes(Map.of("list-scanned", AttributeValue.flag(true)))
                .build();
    }

    /** C2c's case about the car that will not start after vanilla ice cream. */
    public static ServiceCase vanillaCase() {
        return ServiceCase.open(CaseId.of("case-1"), CustomerId.of("guest-1"), CaseCategory.of("vehicle-fault"),
                        Lane.RED, Priority.HIGH, "Car will not start after buying vanilla ice cream", T0,
                        StaffId.of("agent-1"))
                .withObservation(new Observation(T0.plusSeconds(86_400), StaffId.of("engineer-1"),
                        "Short stop, vanilla; no start", Map.of("stop-minutes", AttributeValue.number(4))));
    }

    /** {@return one event of every kind, in the order {@code CrmEvent} declares them} */
    public static java.util.List<org.crmkit.core.event.CrmEvent> everyEvent() {
        Customer guest = fullGuest();
        org.crmkit.core.customer.CustomerId id = guest.id();
        org.crmkit.core.servicelevel.StandardId standard = org.crmkit.core.servicelevel.StandardId.of("first-reply");
        return java.util.List.of(
                new org.crmkit.core.event.CrmEvent.CustomerCreated(guest, T0),
                new org.crmkit.core.event.CrmEvent.CustomerUpdated(guest, guest.withVersion(4), T0),
                new org.crmkit.core.event.CrmEvent.CustomerMerged(id, org.crmkit.core.customer.CustomerId.of("old-1"),
                        T0),
                new org.crmkit.core.event.CrmEvent.CustomerUnmerged(id, org.crmkit.core.customer.CustomerId.of("old-1"),
                        java.util.List.of(org.crmkit.core.touchpoint.TouchpointId.of("tp-1")),
                        java.util.List.of(vanillaCase().id()), T0),
                new org.crmkit.core.event.CrmEvent.PreferenceRecorded(id, guest.preferences().get(0), T0),
                new org.crmkit.core.event.CrmEvent.ConsentChanged(id, guest.consents().history().get(0), T0),
                new org.crmkit.core.event.CrmEvent.TouchpointRecorded(purchase("tp-1", id, T0), T0),
                new org.crmkit.core.event.CrmEvent.CaseStatusChanged(id, vanillaCase().id(), null,
                        org.crmkit.core.service.CaseStatus.OPEN, T0),
                new org.crmkit.core.event.CrmEvent.ServiceLevelWarning(id, "case-1", standard, 2, T0),
                new org.crmkit.core.event.CrmEvent.ServiceLevelBreached(id, "case-1", standard, 2, T0),
                new org.crmkit.core.event.CrmEvent.EscalationStepReached(id, "case-1", standard, 2, "call-manager",
                        T0),
                new org.crmkit.core.event.CrmEvent.CustomerErased(id, T0));
    }

    /** {@return the audit of a merge of a second profile into the full guest, since undone} */
    public static org.crmkit.core.unify.MergeRecord mergeRecord() {
        Customer survivor = fullGuest();
        Customer duplicate = Customer.builder().id(org.crmkit.core.customer.CustomerId.of("old-1"))
                .name(survivor.name()).createdAt(T0.minusSeconds(86_400)).updatedAt(T0.minusSeconds(3_600))
                .version(3).build();
        tools.jackson.databind.node.ObjectNode loyalty = tools.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("moved", "member-7");
        return new org.crmkit.core.unify.MergeRecord(duplicate.id(), survivor.id(), T0, survivor, duplicate,
                new org.crmkit.core.unify.ProfileMerger().merge(survivor, duplicate, T0),
                java.util.List.of(org.crmkit.core.touchpoint.TouchpointId.of("tp-1")),
                java.util.List.of(vanillaCase().id()), java.util.Map.of("loyalty", loyalty), T0.plusSeconds(60), 2);
    }

    /** {@return a customer's export with one contributor's section} */
    public static org.crmkit.core.privacy.CustomerExport export() {
        Customer guest = fullGuest();
        return new org.crmkit.core.privacy.CustomerExport(org.crmkit.core.privacy.CustomerExport.FORMAT, T0, guest,
                java.util.List.of(purchase("tp-1", guest.id(), T0)), java.util.List.of(vanillaCase()),
                java.util.Map.of("orders", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                        .put("count", 3)));
    }

    /** {@return a certificate of an erasure that kept anonymous history} */
    public static org.crmkit.core.privacy.ErasureCertificate certificate() {
        return new org.crmkit.core.privacy.ErasureCertificate(fullGuest().id(), T0, true, 1, 1,
                java.util.List.of("profile: name, contact points, notes, payment tokens", "touchpoint tp-1: staff, "
                        + "outcome, attributes"), java.util.List.of("touchpoint tp-1 under an anonymous id"));
    }

    /** {@return a partner data set of one record} */
    public static org.crmkit.core.privacy.PartnerDataSet partnerData() {
        return new org.crmkit.core.privacy.PartnerDataSet(T0, 3, java.util.List.of(
                new org.crmkit.core.privacy.PartnerRecord("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "30-39", "900", 4,
                        java.util.Map.of("pet-food", org.crmkit.core.common.Money.parse("24.00 USD")))), 2, 1);
    }

    /** {@return a measured item with every kind of clock event and published marks: every part of the document} */
    public static org.crmkit.core.servicelevel.ItemClock itemClock() {
        org.crmkit.core.servicelevel.ItemKey key = org.crmkit.core.servicelevel.ItemKey.of(
                org.crmkit.core.touchpoint.TouchpointId.of("rental-42"));
        return org.crmkit.core.servicelevel.ItemClock.of(key, org.crmkit.core.customer.CustomerId.of("c-1"))
                .withEvents(java.util.List.of(org.crmkit.core.servicelevel.ClockEvent.of("booked", T0),
                        org.crmkit.core.servicelevel.ClockEvent.dueMoved(T0.plusSeconds(60), T0.plusSeconds(7200)),
                        org.crmkit.core.servicelevel.ClockEvent.of("car-at-stall", T0.plusSeconds(6000))))
                .checked(java.util.List.of("car-ready/warning"), "airport-rentals", true).withVersion(3);
    }

    /** {@return a standard on business hours with an escalation ladder and a worth: every part of the document} */
    public static org.crmkit.core.servicelevel.ServiceLevelStandard standard() {
        return org.crmkit.core.servicelevel.ServiceLevelStandard.builder()
                .id(org.crmkit.core.servicelevel.StandardId.of("fault-fix")).name("Fault fixed").version(2)
                .effectiveFrom(T0).appliesTo(org.crmkit.core.servicelevel.Selector.cases(
                        org.crmkit.core.service.CaseCategory.of("vehicle-fault")))
                .dimension(org.crmkit.core.servicelevel.Dimension.TIMELINESS).startOn("opened").stopOn("resolved")
                .pauseOn("waiting-on-customer").resumeOn("customer-replied").target(java.time.Duration.ofHours(16))
                .goal(0.95).warnAt(0.75).escalation(java.util.List.of(new org.crmkit.core.servicelevel.EscalationStep(
                        java.time.Duration.ofHours(8), "call-team-lead")))
                .worth(new org.crmkit.core.servicelevel.UnitWorth(org.crmkit.core.common.Money.parse("0.33 USD"),
                        java.time.Duration.ofDays(1)))
                .calendar(org.crmkit.core.servicelevel.BusinessHours.weekdays(java.time.ZoneId.of("Europe/Berlin"),
                        org.crmkit.core.servicelevel.OpeningHours.parse("09:00-17:00")))
                .build();
    }
}
