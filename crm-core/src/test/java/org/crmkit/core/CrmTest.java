package org.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.LocationId;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.CrmEventListener;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.unify.DuplicateCandidate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class CrmTest {
    private final Clock clock = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);
    private final List<CrmEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Crm crm = Crm.builder().clock(clock).listener(events::add).build();

    private Customer guest(String email) {
        return crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(EmailAddress.of(email))));
    }

    @Test
    void create_storesVersionOneStampedByTheClock_andPublishesCreated() {
        Customer c = guest("mei@example.com");
        assertEquals(1, c.version());
        assertEquals(Fixtures.T0, c.createdAt());
        assertEquals(List.of(new CrmEvent.CustomerCreated(c, Fixtures.T0)), events);
    }

    @Test
    @DisplayName("C5: the guest who avoids garlic, recorded in Los Angeles, is known in Shanghai")
    void preferenceIsGlobalToTheCustomer() {
        Customer c = guest("mei@example.com");
        Preference garlic = Preference.observed(Fixtures.FOOD, "garlic", Polarity.AVOIDS, 0.9, Fixtures.T0,
                LocationId.of("los-angeles"), StaffId.of("waiter-3"));
        crm.recordPreference(c.id(), garlic);
        Customer inShanghai = crm.customers().findByContact(EmailAddress.of("MEI@example.com")).get(0);
        assertTrue(inShanghai.effectivePreferences().isAverseTo(Fixtures.FOOD, "garlic"));
        assertTrue(events.contains(new CrmEvent.PreferenceRecorded(c.id(), garlic, Fixtures.T0)));
    }

    @Test
    void consent_withdrawalTakesEffectAtOnce_andIsPublished() {
        Customer c = guest("mei@example.com");
        crm.recordConsent(c.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, Fixtures.T0, "web"));
        assertTrue(crm.mayContact(c.id(), Purpose.MARKETING, Channel.EMAIL, Fixtures.T0));
        ConsentRecord stop = ConsentRecord.withdraw(Purpose.MARKETING, Channel.EMAIL, Fixtures.T0.plusSeconds(1),
                "hotline");
        crm.recordConsent(c.id(), stop);
        assertFalse(crm.mayContact(c.id(), Purpose.MARKETING, Channel.EMAIL, Fixtures.T0.plusSeconds(1)));
        assertTrue(events.contains(new CrmEvent.ConsentChanged(c.id(), stop, Fixtures.T0)));
        assertFalse(crm.mayContact(CustomerId.of("nobody"), Purpose.MARKETING, Channel.EMAIL, Fixtures.T0));
    }

    @Test
    void aThrowingListener_neitherUndoesTheWriteNorStopsTheOthers() {
        CrmEventListener first = mock(CrmEventListener.class);
        CrmEventListener failing = mock(CrmEventListener.class);
        CrmEventListener last = mock(CrmEventListener.class);
        doThrow(new IllegalStateException("boom")).when(failing).on(any());
        List<RuntimeException> reported = new ArrayList<>();
        EventDispatcher dispatcher = new EventDispatcher((e, ex) -> reported.add(ex));
        Crm withListeners = Crm.builder().clock(clock).events(dispatcher).listener(first).listener(failing)
                .listener(last).build();

        Customer c = withListeners.createCustomer(b -> b.name(Name.person("Ada", null)));

        assertEquals(c, withListeners.findCustomer(c.id()).orElseThrow());
        InOrder order = inOrder(first, failing, last);
        order.verify(first).on(new CrmEvent.CustomerCreated(c, Fixtures.T0));
        order.verify(failing).on(new CrmEvent.CustomerCreated(c, Fixtures.T0));
        order.verify(last).on(new CrmEvent.CustomerCreated(c, Fixtures.T0));
        assertEquals("boom", reported.get(0).getMessage());
    }

    @Test
    void aFailedWrite_publishesNothing() {
        CrmEventListener listener = mock(CrmEventListener.class);
        Crm strict = Crm.builder().clock(clock).listener(listener).build();
        Customer a = strict.createCustomer(b -> b.name(Name.person("A", null))
                .externalIds(List.of(ExternalId.of("dealer", "1"))));
        verify(listener).on(any(CrmEvent.CustomerCreated.class));
        assertThrows(DuplicateException.class, () -> strict.createCustomer(b -> b.name(Name.person("B", null))
                .externalIds(List.of(ExternalId.of("dealer", "1")))));
        assertEquals(1, strict.customers().count());
        verify(listener, never()).on(new CrmEvent.CustomerCreated(a.withVersion(2), Fixtures.T0));
    }

    @Test
    void concurrentUpdates_loseNothing() throws Exception {
        Customer c = guest("mei@example.com");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Customer>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String value = "dish-" + i;
            done.add(pool.submit(() -> {
                start.await();
                return crm.recordPreference(c.id(), Preference.stated(Fixtures.FOOD, value, Polarity.LIKES,
                        Fixtures.T0));
            }));
        }
        start.countDown();
        for (Future<Customer> f : done) {
            f.get();
        }
        pool.shutdown();
        Customer stored = crm.findCustomer(c.id()).orElseThrow();
        assertEquals(writers, stored.preferences().size());
        assertEquals(1 + writers, stored.version());
    }

    @Test
    void recordingTheSameTouchpointTwice_storesItOnce_butADifferentOneUnderTheSameIdIsRefused() {
        Customer c = guest("mei@example.com");
        Touchpoint t = Fixtures.purchase("tp-1", c.id(), Fixtures.T0);
        Touchpoint first = crm.recordTouchpoint(t);
        Touchpoint again = crm.recordTouchpoint(t);
        assertEquals(first, again);
        assertEquals(1, crm.touchpoints().count());
        assertEquals(1, events.stream().filter(e -> e instanceof CrmEvent.TouchpointRecorded).count());
        assertThrows(DuplicateException.class,
                () -> crm.recordTouchpoint(t.toBuilder().outcome("different").build()));
        assertThrows(NotFoundException.class,
                () -> crm.recordTouchpoint(Fixtures.purchase("tp-2", CustomerId.of("ghost"), Fixtures.T0)));
    }

    @Test
    void caseStatusChanges_arePublished_andIllegalOnesRefusedWithoutAWrite() {
        Customer c = guest("mei@example.com");
        ServiceCase opened = crm.openCase(ServiceCase.open(CaseId.of("k-1"), c.id(), CaseCategory.of("fault"),
                Lane.RED, Priority.HIGH, "No start", Fixtures.T0, null));
        crm.updateCase(opened.id(), k -> k.transition(CaseStatus.IN_PROGRESS, Fixtures.T0, null, null));
        assertThrows(RuleViolationException.class,
                () -> crm.updateCase(opened.id(), k -> k.transition(CaseStatus.OPEN, Fixtures.T0, null, null)));
        assertEquals(2, crm.cases().findById(opened.id()).orElseThrow().version());
        assertEquals(List.of(
                new CrmEvent.CaseStatusChanged(c.id(), opened.id(), null, CaseStatus.OPEN, Fixtures.T0),
                new CrmEvent.CaseStatusChanged(c.id(), opened.id(), CaseStatus.OPEN, CaseStatus.IN_PROGRESS,
                        Fixtures.T0)),
                events.stream().filter(e -> e instanceof CrmEvent.CaseStatusChanged).toList());
    }

    @Test
    @DisplayName("C10: duplicates found by email, merged once, history re-pointed, merge repeatable")
    void mergeUnifiesProfilesAndRepointsHistory() {
        Customer dealerCopy = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.of(EmailAddress.of("mei@example.com")))
                .addContactPoint(ContactPoint.verified(PhoneNumber.of("+12135550142")))
                .externalIds(List.of(ExternalId.of("dealer-042", "77"))));
        Customer makerCopy = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))
                .addContactPoint(ContactPoint.verified(EmailAddress.of("Mei@Example.com"))));
        crm.recordTouchpoint(Fixtures.purchase("tp-d", dealerCopy.id(), Fixtures.T0));
        crm.openCase(ServiceCase.open(CaseId.of("k-d"), dealerCopy.id(), CaseCategory.of("repair"), Lane.RED,
                Priority.NORMAL, "Noise", Fixtures.T0, null));

        List<DuplicateCandidate> candidates = crm.findDuplicates(makerCopy.id());
        assertEquals(1, candidates.size());
        assertEquals(dealerCopy.id(), candidates.get(0).candidate().id());
        assertEquals(List.of("EMAIL"), candidates.get(0).sharedOn());

        Customer merged = crm.merge(makerCopy.id(), dealerCopy.id());

        assertEquals(Set.of(dealerCopy.id()), merged.mergedFrom());
        assertEquals(2, merged.contactPoints().size());
        assertTrue(merged.contactPoints().get(0).verified(), "verified email wins");
        assertTrue(crm.findCustomer(dealerCopy.id()).isEmpty());
        assertEquals(makerCopy.id(), crm.customers().findByExternalId(ExternalId.of("dealer-042", "77"))
                .orElseThrow().id());
        assertEquals(List.of(makerCopy.id()), crm.touchpoints().streamByCustomer(makerCopy.id(), TimeWindow.ALL)
                .map(Touchpoint::customerId).toList());
        assertEquals(1, crm.cases().streamByCustomer(makerCopy.id()).count());
        assertEquals(0, crm.touchpoints().streamByCustomer(dealerCopy.id(), TimeWindow.ALL).count());

        assertEquals(merged, crm.merge(makerCopy.id(), dealerCopy.id()), "merging again changes nothing");
        assertEquals(1, events.stream().filter(e -> e instanceof CrmEvent.CustomerMerged).count());
    }

    @Test
    void aMergeInterruptedAfterTheSurvivorWasSaved_completesWhenRunAgain() {
        Customer a = guest("a@example.com");
        Customer b = guest("b@example.com");
        crm.recordTouchpoint(Fixtures.purchase("tp-b", b.id(), Fixtures.T0));
        // Simulate a crash after the first step: the survivor already names b in mergedFrom.
        crm.updateCustomer(a.id(), s -> new org.crmkit.core.unify.ProfileMerger().merge(s, b, Fixtures.T0)
                .withVersion(s.version()));
        Customer done = crm.merge(a.id(), b.id());
        assertTrue(crm.findCustomer(b.id()).isEmpty());
        assertEquals(a.id(), crm.touchpoints().findById(Fixtures.purchase("tp-b", b.id(), Fixtures.T0).id())
                .orElseThrow().customerId());
        assertEquals(2, done.contactPoints().size());
    }

    @Test
    void mergingAnEmployeeRecordIntoItsEmployer_dropsTheSelfReference() {
        Customer company = crm.createCustomer(b -> b.kind(org.crmkit.core.customer.CustomerKind.ORGANIZATION)
                .name(Name.organization("Acme")));
        Customer duplicate = crm.createCustomer(b -> b.kind(org.crmkit.core.customer.CustomerKind.ORGANIZATION)
                .name(Name.organization("ACME Inc")).employer(company.id()));
        assertTrue(crm.merge(company.id(), duplicate.id()).employer().isEmpty());
    }

    @Test
    void anUnchangedUpdate_writesNothing() {
        Customer c = guest("mei@example.com");
        events.clear();
        assertEquals(c, crm.updateCustomer(c.id(), x -> x));
        assertTrue(events.isEmpty());
        assertThrows(NotFoundException.class, () -> crm.updateCustomer(CustomerId.of("ghost"), x -> x));
    }

    @Test
    void theStoreItselfRefusesStaleWrites_namingBothVersions() {
        CustomerRepository repo = new InMemoryCustomerRepository();
        Customer v1 = repo.save(Fixtures.fullGuest().withVersion(0));
        repo.save(v1);
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> repo.save(v1));
        assertEquals("customer guest-1 was modified concurrently: expected version 1 but found 2", e.getMessage());
        assertEquals(2, repo.findById(v1.id()).orElseThrow().version());
    }
}
