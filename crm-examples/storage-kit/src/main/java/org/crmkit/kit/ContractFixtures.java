package org.crmkit.kit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
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
import org.crmkit.core.consent.ConsentStatus;
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
import org.crmkit.core.preference.PreferenceSource;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
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

/**
 * Deterministic aggregates with every field set, for round-trip checks: the {@code n}th of each kind differs from
 * the others in its id, contact data and external ids. Times are whole milliseconds, the precision the SPI asks
 * adapters to keep.
 */
public final class ContractFixtures {
    /** The instant the fixtures' times are counted from. */
    public static final Instant EPOCH = Instant.parse("2026-01-05T09:30:00.123Z");

    private ContractFixtures() {
    }

    /**
     * A fully populated person profile, version 0.
     *
     * @param n which one
     * @return the profile
     */
    public static Customer customer(int n) {
        Instant t = EPOCH.plusSeconds(n * 3_600L);
        return Customer.builder()
                .id(CustomerId.of(String.format("cust-%05d", n)))
                .kind(CustomerKind.PERSON)
                .name(Name.person("Given" + n, "Family" + n))
                .contactPoints(List.of(
                        new ContactPoint(EmailAddress.of("person" + n + "@example.com"), true, true, "home"),
                        ContactPoint.of(PhoneNumber.of("+1212555" + String.format("%04d", n % 10_000))),
                        ContactPoint.of(new PostalAddress(List.of(n + " Main St", "Apt 2"), "Springfield", "IL",
                                "62701", "US"))))
                .employer(CustomerId.of("org-" + (n % 7)))
                .keyContacts(List.of(new KeyContact("Assistant " + n, "assistant",
                        EmailAddress.of("assistant" + n + "@example.com"), null)))
                .lifecycleStage(LifecycleStage.values()[n % LifecycleStage.values().length])
                .accountManager(StaffId.of("am-" + (n % 3)))
                .timeZone(java.time.ZoneId.of(n % 2 == 0 ? "America/Chicago" : "Asia/Shanghai"))
                .tags(List.of("segment-" + (n % 4), "kit"))
                .attributes(Map.of(
                        "score", AttributeValue.number(new BigDecimal("12.5")),
                        "vip", AttributeValue.flag(n % 2 == 0),
                        "since", AttributeValue.date(LocalDate.of(2020, 1 + n % 12, 1)),
                        "occupation", AttributeValue.text("engineer")))
                .specialDates(List.of(SpecialDate.of(Occasion.BIRTHDAY, LocalDate.of(1980, 2, 29)),
                        new SpecialDate(Occasion.WEDDING_ANNIVERSARY, MonthDay.of(6, 1 + n % 28), null)))
                .notes(List.of(new StaffNote(NoteTopic.HOBBIES, "Likes sailing; note " + n, StaffId.of("s-1"), t)))
                .externalIds(List.of(ExternalId.of("dealer", "D" + n), ExternalId.of("shop", "S" + n)))
                .paymentInstruments(List.of(new PaymentInstrument("tok_" + n, CardBrand.MASTERCARD, "0004",
                        YearMonth.of(2029, 1 + n % 12))))
                .preferences(List.of(
                        new Preference(PreferenceKey.of("dining", "food"), AttributeValue.text("garlic"),
                                Polarity.AVOIDS, PreferenceSource.OBSERVED, 0.75, t, LocationId.of("los-angeles"),
                                StaffId.of("waiter-1")),
                        Preference.stated(PreferenceKey.of("dining", "seat"), "window", Polarity.LIKES, t),
                        new Preference(PreferenceKey.of("dining", "party"), AttributeValue.number(4), Polarity.LIKES,
                                PreferenceSource.INFERRED, 0.4, t, null, null)))
                .consents(List.of(
                        ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, t, "web-form"),
                        new ConsentRecord(Purpose.PROFILING, null, ConsentStatus.WITHDRAWN, t.plusSeconds(5),
                                "hotline")))
                .agreements(List.of(new Agreement(AgreementId.of("agr-" + n), "rental-annual", t, t,
                        t.plusSeconds(365L * 86_400))))
                .mergedFrom(List.of(CustomerId.of("old-" + n)))
                .createdAt(t)
                .updatedAt(t.plusSeconds(60))
                .build();
    }

    /**
     * A fully populated purchase touchpoint, version 0.
     *
     * @param n which one
     * @param customer whose
     * @param at when it happened
     * @return the touchpoint
     */
    public static Touchpoint touchpoint(int n, CustomerId customer, Instant at) {
        return Touchpoint.builder()
                .id(TouchpointId.of(String.format("tp-%06d", n)))
                .customerId(customer)
                .occurredAt(at)
                .channel(channels()[n % channels().length])
                .direction(n % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND)
                .kind(TouchpointKind.PURCHASE)
                .location(LocationId.of("store-" + (n % 5)))
                .staff(StaffId.of("cashier-" + (n % 3)))
                .outcome("paid in full")
                .expectation(Expectation.values()[n % 3])
                .amount(Money.of("20.00", "USD"))
                .lineItems(List.of(LineItem.of("sku-" + n, "pet-food", "Acme", 2, Money.of("9.99", "USD"))))
                .attributes(Map.of("receipt", AttributeValue.text("R" + n)))
                .relatedTo(TouchpointId.of("booking-" + n))
                .build();
    }

    /**
     * A case with a history, observations, a resolution and links, version 0.
     *
     * @param n which one
     * @param customer whose
     * @param openedAt when it was opened
     * @return the case
     */
    public static ServiceCase serviceCase(int n, CustomerId customer, Instant openedAt) {
        return ServiceCase.open(CaseId.of(String.format("case-%05d", n)), customer, CaseCategory.of("vehicle-fault"),
                        Lane.values()[n % 3], Priority.values()[n % 4], "Will not start #" + n, openedAt,
                        StaffId.of("agent-1"))
                .withObservation(new Observation(openedAt.plusSeconds(60), StaffId.of("engineer-1"), "Short stop",
                        Map.of("stop-minutes", AttributeValue.number(4), "fuel", AttributeValue.text("95"))))
                .transition(CaseStatus.IN_PROGRESS, openedAt.plusSeconds(120), StaffId.of("engineer-1"), "on it")
                .resolve("Advised longer stops", "vapour lock", openedAt.plusSeconds(180), null)
                .withLinkedTouchpoint(TouchpointId.of("letter-" + n));
    }

    /** {@return the {@link Channel} constants, for picking one by number} */
    static Channel[] channels() {
        return new Channel[] {Channel.COUNTER, Channel.PHONE, Channel.WEB, Channel.EMAIL, Channel.MOBILE};
    }
}
