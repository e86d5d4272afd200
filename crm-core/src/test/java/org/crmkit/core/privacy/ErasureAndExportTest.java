package org.crmkit.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.Crm;
import org.crmkit.core.Fixtures;
import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.Occasion;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.SpecialDate;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ForwardingCustomerRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasureAndExportTest {
    private static final Instant T0 = Fixtures.T0;
    private final List<CrmEvent> events = new ArrayList<>();
    private final AtomicBoolean failDelete = new AtomicBoolean();
    /** A store that can fail the final delete once, to interrupt an erasure halfway. */
    private final InMemoryCustomerRepository store = new InMemoryCustomerRepository();
    private final CachingCustomerRepository cached = new CachingCustomerRepository(new FlakyDelete(),
            Caffeine.newBuilder().maximumSize(100));
    private final List<String> participantCalls = new ArrayList<>();
    private final Crm crm = Crm.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).customers(cached)
            .listener(events::add)
            .erasureParticipant((customer, anonymous) -> {
                participantCalls.add(customer + "->" + anonymous);
                return "loyalty ledger: member number and statements";
            })
            .build();

    /** Delegates to the store, failing one delete when asked. */
    private final class FlakyDelete extends ForwardingCustomerRepository {
        @Override
        protected CustomerRepository delegate() {
            return store;
        }

        @Override
        public void deleteById(CustomerId id) {
            if (failDelete.getAndSet(false)) {
                throw new org.crmkit.core.CrmException("store unavailable");
            }
            super.deleteById(id);
        }
    }

    private Customer customerWithHistory() {
        Customer c = crm.create(Fixtures.fullGuest().withVersion(0).toBuilder().mergedFrom(List.of()).build());
        crm.recordTouchpoint(Fixtures.purchase("tp-1", c.id(), T0));
        crm.recordTouchpoint(Fixtures.purchase("tp-2", c.id(), T0.plusSeconds(60)));
        crm.openCase(Fixtures.vanillaCase().toBuilder().customerId(c.id()).build());
        return c;
    }

    @Test
    @DisplayName("after erasure no former identifier finds the customer, and statistics survive without identity")
    void erasure() {
        Customer c = customerWithHistory();
        cached.findByContact(EmailAddress.of("mei.lin@example.com")); // warm the cache
        ErasureCertificate cert = crm.erase(c.id());

        assertTrue(cert.profileDeleted());
        assertEquals(2, cert.touchpointsScrubbed());
        assertEquals(1, cert.casesScrubbed());
        assertTrue(crm.findCustomer(c.id()).isEmpty());
        assertEquals(List.of(), crm.customers().findByContact(EmailAddress.of("mei.lin@example.com")));
        assertEquals(List.of(), crm.customers().findByContact(PhoneNumber.of("+12135550142")));
        assertTrue(crm.customers().findByExternalId(ExternalId.of("pos-la", "8812")).isEmpty());
        assertEquals(0, crm.touchpoints().streamByCustomer(c.id(), TimeWindow.ALL).count());
        assertEquals(0, crm.cases().streamByCustomer(c.id()).count());

        Touchpoint kept = crm.touchpoints().findById(Fixtures.purchase("tp-1", c.id(), T0).id()).orElseThrow();
        assertFalse(kept.customerId().equals(c.id()));
        assertTrue(kept.outcome().isEmpty());
        assertEquals(Money.of("12.98", "USD"), kept.amount().orElseThrow(), "the sale still counts");
        ServiceCase keptCase = crm.cases().findById(Fixtures.vanillaCase().id()).orElseThrow();
        assertEquals("[erased]", keptCase.subject());
        assertTrue(keptCase.observations().isEmpty());
        assertEquals(kept.customerId(), keptCase.customerId(), "one anonymous id for the customer's history");
        assertTrue(events.contains(new CrmEvent.CustomerErased(c.id(), T0)));
        assertEquals(List.of(c.id() + "->" + kept.customerId()), participantCalls);
        assertTrue(cert.erased().contains("loyalty ledger: member number and statements"));
        assertEquals(cert, CrmJson.read(CrmJson.write(cert), ErasureCertificate.class));
    }

    @Test
    void anErasureThatFailedHalfway_completesWhenRunAgain_withTheSameAnonymousId() {
        Customer c = customerWithHistory();
        failDelete.set(true);
        assertThrows(org.crmkit.core.CrmException.class, () -> crm.erase(c.id()));
        assertTrue(crm.findCustomer(c.id()).isPresent(), "the profile survived the failure");
        CustomerId anonymous = crm.touchpoints().findById(Fixtures.purchase("tp-1", c.id(), T0).id()).orElseThrow()
                .customerId();
        ErasureCertificate again = crm.erase(c.id());
        assertTrue(again.profileDeleted());
        assertTrue(crm.findCustomer(c.id()).isEmpty());
        assertEquals(anonymous, crm.cases().findById(Fixtures.vanillaCase().id()).orElseThrow().customerId());
        assertFalse(crm.erase(c.id()).profileDeleted(), "erasing again finds nothing to do");
        assertEquals(2, participantCalls.size(), "participants ran on both attempts");
        assertEquals(participantCalls.get(0), participantCalls.get(1), "with the same anonymous id");
    }

    @Test
    void aConsentWithdrawalTakesEffectAtOnce_evenThroughTheCache() {
        Customer c = customerWithHistory();
        crm.recordConsent(c.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.SMS, T0, "web"));
        assertTrue(crm.mayContact(c.id(), Purpose.MARKETING, Channel.SMS, T0));
        crm.recordConsent(c.id(), ConsentRecord.withdraw(Purpose.MARKETING, Channel.SMS, T0, "sms-stop"));
        assertFalse(crm.mayContact(c.id(), Purpose.MARKETING, Channel.SMS, T0));
        assertFalse(crm.mayContact(c.id(), Purpose.MARKETING, Channel.SMS, T0, ContactPolicy.consentOnly()).allowed());
    }

    @Test
    @DisplayName("a customer's export reads back equal, in a documented and versioned format")
    void portability() {
        Customer c = customerWithHistory();
        CustomerExport export = crm.export(c.id());
        assertEquals(2, export.touchpoints().size());
        assertEquals(1, export.cases().size());
        String json = CrmJson.write(export);
        assertTrue(json.startsWith("{\n  \"format\" : \"crmkit-customer-export/2\""), json.substring(0, 60));
        assertEquals(export, CrmJson.read(json, CustomerExport.class));
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                json.replace("crmkit-customer-export/2", "crmkit-customer-export/9"), CustomerExport.class));
        assertTrue(e.getMessage().contains("format must be crmkit-customer-export/2"), e.getMessage());
    }

    private Customer shopper(int n, int birthYear, String postcode, boolean consents) {
        Customer c = crm.createCustomer(b -> b.name(Name.person("Shopper" + n, "Family" + n))
                .addContactPoint(ContactPoint.of(EmailAddress.of("shopper" + n + "@example.com")))
                .addContactPoint(ContactPoint.of(PostalAddress.of(n + " Elm St", postcode, "Springfield", "US")))
                .specialDates(List.of(SpecialDate.of(Occasion.BIRTHDAY, LocalDate.of(birthYear, 5, 1))))
                .consents(consents ? List.of(new ConsentRecord(Purpose.PARTNER_SHARING, null, ConsentStatus.GRANTED,
                        T0.minusSeconds(3600), "loyalty-form")) : List.of()));
        crm.recordTouchpoint(Fixtures.purchase("buy-" + n, c.id(), T0.minusSeconds(86_400)));
        return c;
    }

    @Test
    @DisplayName("C8: manufacturers receive the analysis with names removed, pseudonymised and k-anonymous")
    void partnerExport() {
        for (int n = 0; n < 5; n++) {
            shopper(n, 1990 + n % 2, "62701", true);    // ages 35 and 36 in 2026: one band, one prefix
        }
        shopper(5, 1950, "62701", true);                // alone in the 70-79 band: suppressed
        shopper(6, 1990, "62701", false);               // no consent: left out
        PseudonymKey key = PseudonymKey.of("host-held-key-0123456789".getBytes());
        PartnerExport spec = new PartnerExport(key, 3, 10, 3, java.time.Duration.ofDays(90));
        PartnerDataSet data = spec.export(crm.customers(), crm.touchpoints(), T0);

        assertEquals(5, data.records().size());
        assertEquals(1, data.suppressed());
        assertEquals(1, data.withoutConsent());
        PartnerRecord r = data.records().get(0);
        assertEquals("30-39", r.ageBand());
        assertEquals("627", r.postcodePrefix());
        assertEquals(1, r.purchases());
        assertEquals(Money.of("6.98", "USD"), r.spendByCategory().get("pain-relievers"));
        assertEquals(new BigDecimal("6.00"), r.spendByCategory().get("pet-food").amount());

        String json = CrmJson.write(data);
        assertFalse(json.contains("Shopper") || json.contains("example.com") || json.contains("Elm"), json);
        for (Customer c : crm.customers().findAll(org.crmkit.core.spi.PageRequest.first(100)).items()) {
            assertFalse(json.contains(c.id().value()), "no customer id leaves");
        }
        PartnerDataSet again = spec.export(crm.customers(), crm.touchpoints(), T0);
        assertEquals(data.records(), again.records(), "stable for one key");
        PartnerDataSet otherKey = new PartnerExport(PseudonymKey.of("another-key-9876543210".getBytes()), 3, 10, 3,
                java.time.Duration.ofDays(90)).export(crm.customers(), crm.touchpoints(), T0);
        assertTrue(otherKey.records().stream().map(PartnerRecord::pseudonym)
                .noneMatch(p -> data.records().stream().anyMatch(d -> d.pseudonym().equals(p))), "unlinkable");
    }

    @Test
    void thePseudonymKeyNeverShows() {
        PseudonymKey key = PseudonymKey.of("host-held-key-0123456789".getBytes());
        assertEquals("PseudonymKey[****]", key.toString());
        PartnerExport spec = new PartnerExport(key, 3, 10, 3, java.time.Duration.ofDays(90));
        assertFalse(spec.toString().contains("host-held"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> CrmJson.write(key));
        assertFalse(String.valueOf(e.getMessage()).contains("host-held"));
        assertThrows(org.crmkit.core.RuleViolationException.class, () -> PseudonymKey.of(new byte[8]));
    }
}
