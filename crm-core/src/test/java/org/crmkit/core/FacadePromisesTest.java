package org.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.cache.CachingCustomerRepository;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.junit.jupiter.api.Test;

/** Promises of the facade, the cache decorator and the JSON reader that callers relied on and that broke. */
class FacadePromisesTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-05-01T09:00:00Z"));

    @Test
    void aListenerIsKeptWhateverDispatcherTheBuilderEndsWith() {
        List<CrmEvent> seen = new ArrayList<>();
        Crm crm = Crm.builder().listener(seen::add).events(new EventDispatcher()).clock(clock).build();
        crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        assertEquals(1, seen.stream().filter(CrmEvent.CustomerCreated.class::isInstance).count(), seen.toString());
    }

    @Test
    void theRepositoriesTheFacadeHandsOutReadButRefuseWritesThatWouldPublishNothing() {
        List<CrmEvent> seen = new ArrayList<>();
        Crm crm = Crm.builder().listener(seen::add).clock(clock).build();
        Customer ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee")));
        assertEquals(ann, crm.customers().findById(ann.id()).orElseThrow());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> crm.customers().save(ann.toBuilder().tags(List.of("vip")).build()));
        assertTrue(e.getMessage().contains("updateCustomer"), e.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> crm.customers().deleteById(ann.id()));
        assertThrows(UnsupportedOperationException.class, () -> crm.touchpoints().deleteById(
                org.crmkit.core.touchpoint.TouchpointId.of("tp-1")));
        assertThrows(UnsupportedOperationException.class, () -> crm.cases().deleteById(
                org.crmkit.core.service.CaseId.of("case-1")));
        assertEquals(List.of(), crm.touchpoints().streamByCustomer(ann.id(), TimeWindow.ALL).toList());
        assertEquals(ann, crm.findCustomer(ann.id()).orElseThrow(), "nothing was written");
    }

    @Test
    void aWithdrawalCannotBeUndoneByRewritingTheConsentHistory() {
        Crm crm = Crm.builder().clock(clock).build();
        CustomerId id = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee"))).id();
        crm.recordConsent(id, ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, clock.instant(), "web"));
        clock.advance(java.time.Duration.ofDays(1));
        crm.recordConsent(id, ConsentRecord.withdraw(Purpose.MARKETING, Channel.EMAIL, clock.instant(), "hotline"));
        Customer withdrawn = crm.findCustomer(id).orElseThrow();
        List<ConsentRecord> grantOnly = withdrawn.consents().history().subList(0, 1);
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> crm.updateCustomer(id, c -> c.toBuilder().consents(grantOnly).build()));
        assertTrue(e.getMessage().contains("consent history"), e.getMessage());
        assertEquals(withdrawn, crm.findCustomer(id).orElseThrow());
        assertFalse(crm.mayContact(id, Purpose.MARKETING, Channel.EMAIL, clock.instant()));
    }

    @Test
    void oneCacheSpecServesTwoDecoratorsAndIsNotChanged() {
        Caffeine<Object, Object> spec = Caffeine.newBuilder().maximumSize(100).recordStats();
        CachingCustomerRepository first = new CachingCustomerRepository(new InMemoryCustomerRepository(), spec);
        CachingCustomerRepository second = new CachingCustomerRepository(new InMemoryCustomerRepository(), spec);
        first.findById(CustomerId.of("nobody"));
        first.findById(CustomerId.of("nobody"));
        assertEquals(1, first.stats().hitCount());
        assertEquals(0, second.stats().requestCount(), "the two caches are separate");
    }

    @Test
    void aDocumentThatIsJustNullIsRefusedNotReturnedAsNull() {
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read("null", Customer.class));
        assertTrue(e.getMessage().contains("null"), e.getMessage());
        assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                new java.io.ByteArrayInputStream("null".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Customer.class));
    }

    @Test
    void aRepeatedKeyIsRefused() throws java.io.IOException {
        String golden = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/golden/customer.json"));
        String twice = golden.replaceFirst("\"id\" : \"", "\"id\" : \"cust-someone-else\", \"id\" : \"");
        CrmJson.read(golden, Customer.class);
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class,
                () -> CrmJson.read(twice, Customer.class));
        assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("duplicate"), e.getMessage());
    }
}
