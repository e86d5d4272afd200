package org.crmkit.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.crmkit.core.Crm;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.agreement.Agreement;
import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerKind;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.KeyContact;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.NoteTopic;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;
import org.crmkit.core.customer.StaffNote;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.payment.CardBrand;
import org.crmkit.core.payment.PaymentInstrument;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Observation;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.StatusChange;
import org.crmkit.core.touchpoint.TouchpointId;
import org.junit.jupiter.api.Test;

/**
 * The largest aggregates crmkit accepts, every collection at its limit and every text at its longest in characters
 * that JSON must escape, are written within the reader's 10 MB and read back; one item more is refused by field.
 */
class MaximalDocumentsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final StaffId STAFF = StaffId.of("s".repeat(128));

    /** Text of {@code n} characters, each of which JSON writes as two. */
    private static String escaped(int n) {
        return "\"\\".repeat(n / 2);
    }

    private static <T> List<T> times(int n, IntFunction<T> item) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(item.apply(i));
        }
        return out;
    }

    private static String code(String prefix, int i) {
        String s = prefix + i;
        return s + "x".repeat(64 - s.length());
    }

    static Customer largestCustomer() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        for (int i = 0; i < Limits.ATTRIBUTES; i++) {
            attributes.put(code("a", i), AttributeValue.text(escaped(200)));
        }
        return Customer.builder().id(CustomerId.of("c".repeat(128))).kind(CustomerKind.ORGANIZATION)
                .name(Name.organization(escaped(200)))
                .contactPoints(times(Limits.CONTACT_POINTS, i -> ContactPoint.of(new PostalAddress(
                        times(Limits.ADDRESS_LINES, l -> l + i + escaped(196)), escaped(200), escaped(200), escaped(200),
                        "US"))))
                .keyContacts(times(Limits.KEY_CONTACTS, i -> new KeyContact(escaped(200), escaped(200),
                        EmailAddress.of("k" + i + "@example.com"), null)))
                .tags(times(Limits.TAGS, i -> code("t", i)))
                .attributes(attributes)
                .specialDates(times(Limits.SPECIAL_DATES, i -> new SpecialDate(Occasion.BIRTHDAY,
                        MonthDay.of(1 + i % 12, 1), null)))
                .notes(times(Limits.NOTES, i -> new StaffNote(NoteTopic.HOBBIES, escaped(4_000), STAFF, T)))
                .externalIds(times(Limits.EXTERNAL_IDS, i -> ExternalId.of(code("sys", i), "v".repeat(120) + i)))
                .paymentInstruments(times(Limits.PAYMENT_INSTRUMENTS, i -> new PaymentInstrument("tok_" + i,
                        CardBrand.VISA, "0004", YearMonth.of(2030, 1))))
                .preferences(times(Limits.PREFERENCES, i -> Preference.stated(PreferenceKey.of(code("n", i),
                        code("k", i)), escaped(200), Polarity.LIKES, T)))
                .consents(times(Limits.CONSENTS, i -> ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL,
                        T.plusSeconds(i), escaped(200))))
                .agreements(times(Limits.AGREEMENTS, i -> new Agreement(AgreementId.of("ag-" + i), code("ty", i), T,
                        T, T.plusSeconds(86_400))))
                .mergedFrom(times(Limits.MERGED_FROM, i -> CustomerId.of("m".repeat(120) + i)))
                .createdAt(T).build();
    }

    static ServiceCase largestCase() {
        Map<String, AttributeValue> measurements = new HashMap<>();
        for (int i = 0; i < Limits.MEASUREMENTS; i++) {
            measurements.put(code("m", i), AttributeValue.text(escaped(200)));
        }
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange(null, CaseStatus.OPEN, T, STAFF, escaped(4_000)));
        history.add(new StatusChange(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, T, STAFF, escaped(4_000)));
        for (int i = 2; i < Limits.CASE_HISTORY; i++) {
            CaseStatus from = i % 2 == 0 ? CaseStatus.IN_PROGRESS : CaseStatus.WAITING_ON_CUSTOMER;
            CaseStatus to = i % 2 == 0 ? CaseStatus.WAITING_ON_CUSTOMER : CaseStatus.IN_PROGRESS;
            history.add(new StatusChange(from, to, T.plusSeconds(i), STAFF, escaped(4_000)));
        }
        return ServiceCase.open(CaseId.of("k".repeat(128)), CustomerId.of("c".repeat(128)),
                        CaseCategory.of(code("cat", 0)), Lane.RED, Priority.values()[0], escaped(200), T, STAFF)
                .toBuilder().history(history)
                .observations(times(Limits.OBSERVATIONS, i -> new Observation(T, STAFF, escaped(4_000),
                        measurements)))
                .linkedTouchpoints(times(Limits.LINKED_TOUCHPOINTS, i -> TouchpointId.of("t".repeat(120) + i)))
                .build();
    }

    @Test
    void theLargestProfileIsWrittenWithinTheLimitAndReadBack() {
        Customer largest = largestCustomer();
        String json = CrmJson.write(largest);
        assertTrue(json.length() <= CrmJson.MAX_DOCUMENT_LENGTH, "written: " + json.length());
        assertEquals(largest, assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> CrmJson.read(json, Customer.class)));
    }

    @Test
    void theLargestCaseIsWrittenWithinTheLimitAndReadBack() {
        ServiceCase largest = largestCase();
        String json = CrmJson.write(largest);
        assertTrue(json.length() <= CrmJson.MAX_DOCUMENT_LENGTH, "written: " + json.length());
        assertEquals(largest, CrmJson.read(json, ServiceCase.class));
    }

    @Test
    void aMergeWhoseRecordCouldNotBeReadBackIsRefusedBeforeAnythingChanges() {
        Customer largest = largestCustomer();
        // Notes told apart, so that the merge keeps every one (equal notes are one note to a merge).
        Customer survivor = largest.toBuilder().mergedFrom(largest.mergedFrom().stream().skip(1).toList())
                .notes(times(Limits.NOTES, i -> new StaffNote(NoteTopic.HOBBIES, i + escaped(3_990), STAFF, T)))
                .build();
        Customer duplicate = Customer.builder().id(CustomerId.of("small")).kind(CustomerKind.ORGANIZATION)
                .name(Name.organization("Small")).createdAt(T).build();
        InMemoryCustomerRepository store = new InMemoryCustomerRepository();
        store.save(survivor);
        store.save(duplicate);
        Crm crm = Crm.builder().customers(store).build();
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> crm.merge(survivor.id(), duplicate.id()));
        assertTrue(e.getMessage().contains("merge record of") && e.getMessage().contains("over the 10000000"),
                e.getMessage());
        assertEquals(survivor.withVersion(1), store.findById(survivor.id()).orElseThrow());
        assertTrue(store.findById(duplicate.id()).isPresent());
        assertTrue(crm.findMergeRecord(duplicate.id()).isEmpty());
    }

    @Test
    void oneItemMoreIsRefusedNamingTheFieldTheLimitAndTheSize() {
        Customer largest = largestCustomer();
        List<StaffNote> notes = new ArrayList<>(largest.notes());
        notes.add(notes.get(0));
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> largest.toBuilder().notes(notes).build());
        assertEquals("notes must hold at most 500 items: it holds 501", e.getMessage());
        List<String> tags = new ArrayList<>(largest.tags());
        tags.add("one-more");
        assertThrows(RuleViolationException.class, () -> largest.toBuilder().tags(tags).build());
        Map<String, AttributeValue> measurements = new HashMap<>(largestCase().observations().get(0).measurements());
        measurements.put("one-more", AttributeValue.flag(true));
        assertThrows(RuleViolationException.class, () -> new Observation(T, null, "x", measurements));
    }
}
