package org.crmkit.kit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

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
import org.crmkit.core.customer.ContactAddress;
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
import org.crmkit.core.service.StatusChange;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Expectation;
import org.crmkit.core.touchpoint.LineItem;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;

/**
 * jqwik arbitraries for every public crm-core type, always valid. Times are whole milliseconds between 2020 and
 * 2030. Use them for round-trip and model-based properties.
 */
public final class CrmArbitraries {
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");

    private CrmArbitraries() {
    }

    /** {@return instants between 2020 and 2030, whole milliseconds} */
    public static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, Duration.ofDays(3_650).toMillis()).map(FROM::plusMillis);
    }

    /** {@return short words of lower-case letters} */
    public static Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
    }

    /** {@return free text: words and spaces, including non-ASCII letters} */
    public static Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ,.'éüß王").ofMinLength(1)
                .ofMaxLength(40).filter(s -> !s.isBlank());
    }

    /** {@return lower-case codes} */
    public static Arbitrary<String> codes() {
        return Combinators.combine(words(), Arbitraries.integers().between(0, 99)).as((w, n) -> w + "-" + n);
    }

    /** {@return ids such as {@code c-k3v9}} */
    public static Arbitrary<String> idTexts() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(8)
                .map(s -> "x-" + s);
    }

    /** {@return customer ids} */
    public static Arbitrary<CustomerId> customerIds() {
        return idTexts().map(CustomerId::of);
    }

    /** {@return staff ids} */
    public static Arbitrary<StaffId> staffIds() {
        return idTexts().map(StaffId::of);
    }

    /** {@return money in a few currencies, including negative amounts} */
    public static Arbitrary<Money> money() {
        return Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("1000"))
                        .ofScale(2), Arbitraries.of("USD", "EUR", "JPY", "CNY"))
                .as((amount, currency) -> currency.equals("JPY") ? Money.of(amount.setScale(0,
                        java.math.RoundingMode.HALF_UP), currency) : Money.of(amount, currency));
    }

    /** {@return typed values of every kind} */
    public static Arbitrary<AttributeValue> attributeValues() {
        return Arbitraries.oneOf(
                texts().map(AttributeValue::text),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(AttributeValue::number),
                Arbitraries.of(true, false).map(AttributeValue::flag),
                Arbitraries.integers().between(0, 20_000).map(d -> AttributeValue.date(LocalDate.of(2000, 1, 1)
                        .plusDays(d))));
    }

    /** {@return maps of attribute names to typed values} */
    public static Arbitrary<Map<String, AttributeValue>> attributes() {
        return Arbitraries.maps(codes(), attributeValues()).ofMaxSize(3);
    }

    /** {@return email addresses} */
    public static Arbitrary<EmailAddress> emails() {
        return Combinators.combine(words(), words()).as((l, d) -> EmailAddress.of(l + "@" + d + ".example"));
    }

    /** {@return phone numbers} */
    public static Arbitrary<PhoneNumber> phones() {
        return Arbitraries.strings().numeric().ofLength(10).map(d -> PhoneNumber.of("+1" + d.replaceFirst("^0",
                "5")));
    }

    /** {@return postal addresses} */
    public static Arbitrary<PostalAddress> postalAddresses() {
        return Combinators.combine(texts().list().ofMinSize(1).ofMaxSize(3), texts(), texts().injectNull(0.5),
                        words().injectNull(0.3), Arbitraries.of("US", "CN", "DE", "FR", "JP", "GB"))
                .as(PostalAddress::new);
    }

    /** {@return contact addresses of every kind} */
    public static Arbitrary<ContactAddress> contactAddresses() {
        return Arbitraries.oneOf(emails(), phones(), postalAddresses());
    }

    /** {@return contact points; never marked primary, so a list of them is always valid} */
    public static Arbitrary<ContactPoint> contactPoints() {
        return Combinators.combine(contactAddresses(), Arbitraries.of(true, false), words().injectNull(0.6))
                .as((a, verified, label) -> new ContactPoint(a, verified, false, label));
    }

    /** {@return preferences of every source} */
    public static Arbitrary<Preference> preferences() {
        return Combinators.combine(
                Combinators.combine(words(), words()).as(PreferenceKey::of),
                attributeValues(), Arbitraries.of(Polarity.class), Arbitraries.of(PreferenceSource.class),
                Arbitraries.doubles().between(0, 1), instants(),
                idTexts().map(LocationId::of).injectNull(0.5), staffIds().injectNull(0.5))
                .as(Preference::new);
    }

    /** {@return consent records, for one channel or all} */
    public static Arbitrary<ConsentRecord> consents() {
        return Combinators.combine(Arbitraries.of(Purpose.MARKETING, Purpose.PROFILING, Purpose.PARTNER_SHARING),
                        Arbitraries.of(Channel.EMAIL, Channel.SMS, Channel.PHONE).injectNull(0.3),
                        Arbitraries.of(ConsentStatus.class), instants(), words())
                .as(ConsentRecord::new);
    }

    /** {@return customer profiles with any mix of fields set, version 0} */
    public static Arbitrary<Customer> customers() {
        Arbitrary<CustomerKind> kinds = Arbitraries.of(CustomerKind.class);
        return Combinators.combine(customerIds(), kinds, texts(), texts().injectNull(0.3), instants())
                .flatAs((id, kind, given, family, created) -> Builders.withBuilder(() -> Customer.builder().id(id)
                                .kind(kind).createdAt(created)
                                .name(kind == CustomerKind.PERSON ? Name.person(given, family)
                                        : Name.organization(given)))
                        .use(contactPoints().list().ofMaxSize(4).uniqueElements(ContactPoint::address))
                        .in(Customer.Builder::contactPoints)
                        .use(customerIds().filter(e -> !e.equals(id))).withProbability(0.3)
                        .in(Customer.Builder::employer)
                        .use(Combinators.combine(texts(), texts(), contactAddresses().injectNull(0.5),
                                        customerIds().injectNull(0.5)).as(KeyContact::new).list().ofMaxSize(2))
                        .in(Customer.Builder::keyContacts)
                        .use(Arbitraries.of(LifecycleStage.class)).in(Customer.Builder::lifecycleStage)
                        .use(staffIds()).withProbability(0.4).in(Customer.Builder::accountManager)
                        .use(Arbitraries.of("Europe/Berlin", "America/New_York", "Asia/Shanghai", "UTC")
                                .map(java.time.ZoneId::of)).withProbability(0.5).in(Customer.Builder::timeZone)
                        .use(codes().set().ofMaxSize(3)).in(Customer.Builder::tags)
                        .use(attributes()).in(Customer.Builder::attributes)
                        .use(Combinators.combine(Arbitraries.of(Occasion.BIRTHDAY, Occasion.WEDDING_ANNIVERSARY),
                                        Arbitraries.integers().between(0, 364), Arbitraries.integers()
                                                .between(1950, 2010).injectNull(0.4))
                                .as((o, d, y) -> new SpecialDate(o, MonthDay.from(LocalDate.of(2001, 1, 1)
                                        .plusDays(d)), y == null ? null : Year.of(y))).list().ofMaxSize(2))
                        .in(Customer.Builder::specialDates)
                        .use(Combinators.combine(Arbitraries.of(NoteTopic.APPEARANCE, NoteTopic.HOBBIES), texts(),
                                staffIds(), instants()).as(StaffNote::new).list().ofMaxSize(2))
                        .in(Customer.Builder::notes)
                        .use(Combinators.combine(words(), idTexts()).as(ExternalId::of).list().ofMaxSize(2)
                                .uniqueElements())
                        .in(Customer.Builder::externalIds)
                        .use(Combinators.combine(idTexts().map(t -> "tok_" + t), Arbitraries.of(CardBrand.class),
                                        Arbitraries.strings().numeric().ofLength(4),
                                        Arbitraries.integers().between(0, 120).map(m -> YearMonth.of(2025, 1)
                                                .plusMonths(m)))
                                .as(PaymentInstrument::new).list().ofMaxSize(2)
                                .uniqueElements(PaymentInstrument::token))
                        .in(Customer.Builder::paymentInstruments)
                        .use(preferences().list().ofMaxSize(5)).in(Customer.Builder::preferences)
                        .use(consents().list().ofMaxSize(3)).in(Customer.Builder::consents)
                        .use(Combinators.combine(idTexts().map(AgreementId::of), codes(), instants(),
                                        Arbitraries.integers().between(1, 730))
                                .as((aid, type, from, days) -> new Agreement(aid, type, from, from,
                                        from.plus(Duration.ofDays(days)))).list().ofMaxSize(2)
                                .uniqueElements(Agreement::id))
                        .in(Customer.Builder::agreements)
                        .use(customerIds().filter(m -> !m.equals(id)).set().ofMaxSize(2))
                        .in(Customer.Builder::mergedFrom)
                        .use(Arbitraries.longs().between(0, 1_000_000)).withProbability(0.5)
                        .in((b, ms) -> b.updatedAt(created.plusMillis(ms)))
                        .build(Customer.Builder::build));
    }

    /** {@return line items} */
    public static Arbitrary<LineItem> lineItems(String currency) {
        return Combinators.combine(idTexts(), codes(), texts().injectNull(0.3),
                        Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100")).ofScale(3),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(2))
                .as((sku, cat, brand, qty, price) -> new LineItem(sku, cat, brand, qty, Money.of(price, currency)));
    }

    /** {@return touchpoints of any kind and channel, version 0} */
    public static Arbitrary<Touchpoint> touchpoints() {
        Arbitrary<TouchpointKind> kinds = Arbitraries.of(TouchpointKind.PURCHASE, TouchpointKind.REFUND,
                TouchpointKind.COMPLAINT, TouchpointKind.BOOKING, TouchpointKind.of("flight"));
        Arbitrary<Channel> channels = Arbitraries.of(Channel.COUNTER, Channel.WEB, Channel.IN_CAR, Channel.AGENT,
                Channel.of("kiosk"));
        return Combinators.combine(idTexts().map(TouchpointId::of), customerIds(), instants(), channels, kinds,
                        Arbitraries.of(Direction.class), Arbitraries.of("USD", "EUR"))
                .flatAs((id, customer, at, channel, kind, direction, currency) -> Builders.withBuilder(
                                () -> Touchpoint.builder().id(id).customerId(customer).occurredAt(at).channel(channel)
                                        .kind(kind).direction(direction))
                        .use(idTexts().map(LocationId::of)).withProbability(0.5).in(Touchpoint.Builder::location)
                        .use(staffIds()).withProbability(0.5).in(Touchpoint.Builder::staff)
                        .use(texts()).withProbability(0.5).in(Touchpoint.Builder::outcome)
                        .use(Arbitraries.of(Expectation.class)).withProbability(0.5)
                        .in(Touchpoint.Builder::expectation)
                        .use(money().filter(m -> m.currency().getCurrencyCode().equals(currency)))
                        .withProbability(0.3).in(Touchpoint.Builder::amount)
                        .use(lineItems(currency).list().ofMaxSize(3)).in(Touchpoint.Builder::lineItems)
                        .use(attributes()).in(Touchpoint.Builder::attributes)
                        .use(idTexts().map(t -> TouchpointId.of("rel-" + t))).withProbability(0.2)
                        .in(Touchpoint.Builder::relatedTo)
                        .build(Touchpoint.Builder::build));
    }

    /** {@return service cases with valid random histories, version 0} */
    public static Arbitrary<ServiceCase> serviceCases() {
        return Combinators.combine(idTexts().map(CaseId::of), customerIds(), codes().map(CaseCategory::of),
                        Arbitraries.of(Lane.class), Arbitraries.of(Priority.class), texts(), instants(),
                        Arbitraries.integers().between(0, 1_000).list().ofMaxSize(8))
                .as((id, customer, category, lane, priority, subject, opened, steps) -> {
                    ServiceCase c = ServiceCase.open(id, customer, category, lane, priority, subject, opened, null);
                    Instant at = opened;
                    for (int step : steps) {
                        at = at.plusSeconds(step);
                        List<CaseStatus> next = List.copyOf(new java.util.TreeSet<>(c.status().next()));
                        CaseStatus to = next.get(step % next.size());
                        c = to == CaseStatus.RESOLVED ? c.resolve("resolved " + step, step % 2 == 0 ? "cause" : null,
                                at, StaffId.of("agent-" + step % 3)) : c.transition(to, at, null, "step " + step);
                        if (step % 3 == 0) {
                            c = c.withObservation(new Observation(at, null, "seen " + step,
                                    Map.of("minutes", AttributeValue.number(step))));
                        }
                        if (step % 4 == 0) {
                            c = c.withLinkedTouchpoint(TouchpointId.of("tp-" + step));
                        }
                    }
                    return c;
                });
    }

    /** {@return status changes, as found in case histories} */
    public static Arbitrary<StatusChange> statusChanges() {
        return serviceCases().flatMap(c -> Arbitraries.of(c.history()));
    }

    /** {@return every arbitrary of this class by the type it makes, for generic round-trip checks} */
    public static Map<Class<?>, Arbitrary<?>> byType() {
        return Map.ofEntries(
                Map.entry(Customer.class, customers()),
                Map.entry(Touchpoint.class, touchpoints()),
                Map.entry(ServiceCase.class, serviceCases()),
                Map.entry(Preference.class, preferences()),
                Map.entry(ConsentRecord.class, consents()),
                Map.entry(ContactAddress.class, contactAddresses()),
                Map.entry(ContactPoint.class, contactPoints()),
                Map.entry(Money.class, money()),
                Map.entry(AttributeValue.class, attributeValues()),
                Map.entry(StatusChange.class, statusChanges()));
    }
}
