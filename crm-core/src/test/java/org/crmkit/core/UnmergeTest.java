package org.crmkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Name;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.privacy.ErasureCertificate;
import org.crmkit.core.privacy.MergeParticipant;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.Priority;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.unify.MergeRecord;
import org.crmkit.core.unify.ProfileMerger;
import org.crmkit.core.unify.Unmerged;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** C10's wrong merge undone: the merge audit, unmerge, and what erasure does to the audit. */
class UnmergeTest {
    private final MutableClock clock = MutableClock.at(Fixtures.T0);
    private final List<CrmEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Links links = new Links();
    private final Crm crm = Crm.builder().clock(clock).listener(events::add).mergeParticipant(links).build();

    private Customer person(String given, String email, String phone) {
        return crm.createCustomer(b -> b.name(Name.person(given, "Okafor"))
                .addContactPoint(ContactPoint.verified(EmailAddress.of(email)))
                .addContactPoint(ContactPoint.of(PhoneNumber.of(phone)))
                .externalIds(List.of(ExternalId.of("dealer", given.toLowerCase(java.util.Locale.ROOT)))));
    }

    @Test
    @DisplayName("C10: a household's two people merged by mistake are separated again, with their own history")
    void aWrongMergeIsUndone() {
        Customer ada = person("Ada", "ada@example.com", "+4915112345678");
        Customer obi = crm.updateCustomer(person("Obi", "obi@example.com", "+4915187654321").id(),
                c -> c.toBuilder().timeZone(ZoneId.of("Europe/Berlin")).build());
        crm.recordConsent(obi.id(), ConsentRecord.grant(Purpose.MARKETING, Channel.EMAIL, Fixtures.T0, "web"));
        obi = crm.findCustomer(obi.id()).orElseThrow();
        crm.recordTouchpoint(Fixtures.purchase("tp-obi", obi.id(), Fixtures.T0));
        crm.openCase(ServiceCase.open(CaseId.of("case-obi"), obi.id(), CaseCategory.of("repair"), Lane.RED,
                Priority.NORMAL, "Brakes", Fixtures.T0, null));
        links.link(obi.id(), "loan-car-7");

        clock.advance(Duration.ofDays(1));
        Customer merged = crm.merge(ada.id(), obi.id());
        assertEquals(4, merged.contactPoints().size());
        assertEquals(Set.of(ada.id()), links.ownersOf("loan-car-7"));
        MergeRecord record = crm.findMergeRecord(obi.id()).orElseThrow();
        assertEquals(obi, record.duplicateBefore());
        assertEquals(ada, record.survivorBefore());
        assertEquals(List.of(TouchpointId.of("tp-obi")), record.touchpoints());
        assertEquals(List.of(CaseId.of("case-obi")), record.cases());

        // Life goes on after the merge: a purchase, a tag, a withdrawal.
        clock.advance(Duration.ofDays(1));
        crm.recordTouchpoint(Fixtures.purchase("tp-after", ada.id(), clock.instant()));
        crm.updateCustomer(ada.id(), c -> c.toBuilder().tags(List.of("vip")).build());
        ConsentRecord withdrawal = ConsentRecord.withdraw(Purpose.MARKETING, Channel.EMAIL, clock.instant(),
                "hotline");
        crm.recordConsent(ada.id(), withdrawal);

        clock.advance(Duration.ofDays(1));
        Unmerged undone = crm.unmerge(obi.id());

        Customer adaNow = crm.findCustomer(ada.id()).orElseThrow();
        Customer obiNow = crm.findCustomer(obi.id()).orElseThrow();
        assertEquals(undone.survivor(), adaNow);
        assertEquals(undone.restored(), obiNow);
        assertEquals(ada.contactPoints(), adaNow.contactPoints());
        assertEquals(ada.name(), adaNow.name());
        assertEquals(Set.of("vip"), adaNow.tags());
        assertEquals(Set.of(), adaNow.mergedFrom());
        assertTrue(adaNow.consents().history().contains(withdrawal));
        assertEquals(obi.contactPoints(), obiNow.contactPoints());
        assertEquals(obi.externalIds(), obiNow.externalIds(), "an external id belongs to one profile: back to obi");
        assertEquals(obi.id(), crm.customers().findByExternalId(ExternalId.of("dealer", "obi")).orElseThrow().id());
        assertEquals(obi.timeZone(), obiNow.timeZone());
        assertFalse(obiNow.consents().permits(Purpose.MARKETING, Channel.EMAIL, clock.instant()),
                "the withdrawal reaches the restored profile too");
        assertEquals(List.of(TouchpointId.of("tp-obi")), touchpointsOf(obi.id()));
        assertEquals(List.of(TouchpointId.of("tp-after")), touchpointsOf(ada.id()));
        assertEquals(1, crm.cases().streamByCustomer(obi.id()).count());
        assertEquals(0, crm.cases().streamByCustomer(ada.id()).count());
        assertEquals(Set.of(obi.id()), links.ownersOf("loan-car-7"));
        assertEquals(1, undone.touchpoints());
        assertEquals(1, undone.cases());
        assertEquals(Optional.of(clock.instant()), crm.findMergeRecord(obi.id()).orElseThrow().unmerged());
        assertEquals(List.of(new CrmEvent.CustomerUnmerged(ada.id(), obi.id(), List.of(TouchpointId.of("tp-obi")),
                List.of(CaseId.of("case-obi")), clock.instant())),
                events.stream().filter(e -> e instanceof CrmEvent.CustomerUnmerged).toList());

        assertEquals(List.of(obiNow), events.stream().filter(e -> e instanceof CrmEvent.CustomerCreated c
                && c.customer().id().equals(obiNow.id()) && c.at().equals(clock.instant()))
                .map(e -> ((CrmEvent.CustomerCreated) e).customer()).toList(), "listeners get the profile back");
        Unmerged again = crm.unmerge(obi.id());
        assertEquals(adaNow, again.survivor());
        assertEquals(obiNow, again.restored());
        assertEquals(1, events.stream().filter(e -> e instanceof CrmEvent.CustomerUnmerged).count(),
                "undoing again changes nothing");

        Customer remerged = crm.merge(ada.id(), obi.id());
        assertTrue(remerged.mergedFrom().contains(obi.id()), "a merge undone may be made again");
        assertEquals(obiNow, crm.findMergeRecord(obi.id()).orElseThrow().duplicateBefore());
    }

    @Test
    void anUnmergeInterruptedByAParticipant_completesWhenRunAgain() {
        Customer ada = person("Ada", "ada@example.com", "+4915112345678");
        Customer obi = person("Obi", "obi@example.com", "+4915187654321");
        crm.recordTouchpoint(Fixtures.purchase("tp-obi", obi.id(), Fixtures.T0));
        links.link(obi.id(), "loan-car-7");
        crm.merge(ada.id(), obi.id());
        links.failNextUnmerge();

        assertThrows(IllegalStateException.class, () -> crm.unmerge(obi.id()));
        assertTrue(crm.findCustomer(obi.id()).isPresent(), "the duplicate came back before the failure");
        assertTrue(crm.findMergeRecord(obi.id()).orElseThrow().unmerged().isEmpty());

        crm.unmerge(obi.id());
        assertEquals(ada.contactPoints(), crm.findCustomer(ada.id()).orElseThrow().contactPoints());
        assertEquals(obi.withVersion(1), crm.findCustomer(obi.id()).orElseThrow());
        assertEquals(List.of(TouchpointId.of("tp-obi")), touchpointsOf(obi.id()));
        assertEquals(Set.of(obi.id()), links.ownersOf("loan-car-7"));
    }

    @Test
    void twoClerksUndoingOneMergeAtOnce_bothSucceedAndItIsUndoneOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            Crm desk = Crm.builder().clock(clock).listener(events::add).build();
            Customer a = desk.createCustomer(b -> b.name(Name.person("Ada", "Okafor")));
            Customer b = desk.createCustomer(b2 -> b2.name(Name.person("Obi", "Okafor")));
            desk.recordTouchpoint(Fixtures.purchase("tp-" + round, b.id(), Fixtures.T0));
            desk.merge(a.id(), b.id());
            events.clear();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Unmerged>> both = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    both.add(pool.submit(() -> {
                        go.await();
                        return desk.unmerge(b.id());
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<Unmerged> f : both) {
                    assertEquals(b.id(), f.get().restored().id());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(1, events.stream().filter(e -> e instanceof CrmEvent.CustomerUnmerged).count());
            assertEquals(List.of(TouchpointId.of("tp-" + round)), desk.touchpoints()
                    .streamByCustomer(b.id(), TimeWindow.ALL).map(Touchpoint::id).toList());
        }
    }

    @Test
    void aSurvivorMergedAwayInTurn_mustBeUnmergedFirst() {
        Customer a = person("Ada", "ada@example.com", "+4915112345678");
        Customer b = person("Obi", "obi@example.com", "+4915187654321");
        Customer c = person("Chi", "chi@example.com", "+4915100000000");
        crm.merge(b.id(), a.id());
        crm.merge(c.id(), b.id());

        RuleViolationException e = assertThrows(RuleViolationException.class, () -> crm.unmerge(a.id()));
        assertTrue(e.getMessage().contains("undo the merge that took " + b.id() + " away first"), e.getMessage());
        crm.unmerge(b.id());
        crm.unmerge(a.id());
        assertEquals(a.withVersion(1), crm.findCustomer(a.id()).orElseThrow());
        assertEquals(b.contactPoints(), crm.findCustomer(b.id()).orElseThrow().contactPoints());
        assertEquals(c.contactPoints(), crm.findCustomer(c.id()).orElseThrow().contactPoints());
        assertThrows(NotFoundException.class, () -> crm.unmerge(c.id()), "c was never merged");
    }

    @Test
    void aMergeHalfwayIntoOneSurvivor_isNotTakenOverByAnother() {
        Customer a = person("Ada", "ada@example.com", "+4915112345678");
        Customer b = person("Obi", "obi@example.com", "+4915187654321");
        Customer c = person("Chi", "chi@example.com", "+4915100000000");
        links.failNextMerge();
        assertThrows(IllegalStateException.class, () -> crm.merge(a.id(), b.id()));
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> crm.merge(c.id(), b.id()));
        assertTrue(e.getMessage().contains("halfway through a merge into " + a.id()), e.getMessage());
        assertTrue(crm.merge(a.id(), b.id()).mergedFrom().contains(b.id()));
        assertTrue(crm.findCustomer(b.id()).isEmpty());
    }

    @Test
    @DisplayName("erasing either customer deletes the merge record, which holds a copy of both profiles")
    void erasureDeletesTheMergeRecords() {
        Customer a = person("Ada", "ada@example.com", "+4915112345678");
        Customer b = person("Obi", "obi@example.com", "+4915187654321");
        Customer c = person("Chi", "chi@example.com", "+4915100000000");
        crm.merge(b.id(), a.id());
        crm.merge(c.id(), b.id());

        ErasureCertificate certificate = crm.erase(c.id());
        assertTrue(crm.findMergeRecord(a.id()).isEmpty());
        assertTrue(crm.findMergeRecord(b.id()).isEmpty());
        assertTrue(certificate.erased().stream().anyMatch(s -> s.startsWith("merge records (2)")),
                certificate.erased().toString());
        assertThrows(NotFoundException.class, () -> crm.unmerge(b.id()));

        Customer d = person("Dee", "dee@example.com", "+4915100000001");
        Customer e = person("Eze", "eze@example.com", "+4915100000002");
        crm.merge(d.id(), e.id());
        ErasureCertificate byOldId = crm.erase(e.id());
        assertFalse(byOldId.profileDeleted());
        assertEquals(List.of("merge record: the profile as it was before its merge"), byOldId.erased());
        assertTrue(crm.findMergeRecord(e.id()).isEmpty());
    }

    @Test
    void theSurvivorshipRulesSetOnTheBuilderDecideTheMerge() {
        Crm newestName = Crm.builder().clock(clock)
                .profileMerger(ProfileMerger.builder()
                        .rule(ProfileMerger.Field.NAME, ProfileMerger.Survivorship.NEWER)
                        .rule(ProfileMerger.Field.LIFECYCLE_STAGE, ProfileMerger.Survivorship.SURVIVOR).build())
                .build();
        Customer old = newestName.createCustomer(b -> b.name(Name.person("Chioma", "Okafor"))
                .lifecycleStage(LifecycleStage.CUSTOMER));
        clock.advance(Duration.ofDays(1));
        Customer fresh = newestName.createCustomer(b -> b.name(Name.person("Chioma", "Okafor-Schmidt"))
                .lifecycleStage(LifecycleStage.LAPSED));
        Customer merged = newestName.merge(old.id(), fresh.id());
        assertEquals(fresh.name(), merged.name());
        assertEquals(LifecycleStage.CUSTOMER, merged.lifecycleStage());
    }

    @Test
    void theMergeRecordIsWrittenAndReadBackAsJson() {
        Customer a = person("Ada", "ada@example.com", "+4915112345678");
        Customer b = person("Obi", "obi@example.com", "+4915187654321");
        links.link(b.id(), "loan-car-7");
        crm.merge(a.id(), b.id());
        MergeRecord record = crm.findMergeRecord(b.id()).orElseThrow();
        assertEquals(record, CrmJson.read(CrmJson.write(record), MergeRecord.class));
        assertEquals("loan-car-7", record.participants().get("links").get("things").get(0).asString());
    }

    private List<TouchpointId> touchpointsOf(CustomerId id) {
        return crm.touchpoints().streamByCustomer(id, TimeWindow.ALL).map(Touchpoint::id).toList();
    }

    /** A host's links of things to customers, following merges and undoing them; fails on request. */
    private static final class Links implements MergeParticipant {
        private final java.util.Map<String, CustomerId> owner = new java.util.HashMap<>();
        private final AtomicInteger failMerge = new AtomicInteger();
        private final AtomicInteger failUnmerge = new AtomicInteger();

        void link(CustomerId customer, String thing) {
            owner.put(thing, customer);
        }

        Set<CustomerId> ownersOf(String thing) {
            return Set.of(owner.get(thing));
        }

        void failNextMerge() {
            failMerge.set(1);
        }

        void failNextUnmerge() {
            failUnmerge.set(1);
        }

        @Override
        public String name() {
            return "links";
        }

        @Override
        public Optional<JsonNode> beforeMerge(CustomerId survivor, CustomerId duplicate) {
            var things = JsonNodeFactory.instance.arrayNode();
            owner.forEach((thing, who) -> {
                if (who.equals(duplicate)) {
                    things.add(thing);
                }
            });
            return things.isEmpty() ? Optional.empty()
                    : Optional.of(JsonNodeFactory.instance.objectNode().set("things", things));
        }

        @Override
        public void merged(CustomerId survivor, CustomerId duplicate) {
            if (failMerge.getAndSet(0) == 1) {
                throw new IllegalStateException("links unavailable");
            }
            owner.replaceAll((thing, who) -> who.equals(duplicate) ? survivor : who);
        }

        @Override
        public void unmerged(CustomerId survivor, CustomerId duplicate, Optional<JsonNode> before) {
            if (failUnmerge.getAndSet(0) == 1) {
                throw new IllegalStateException("links unavailable");
            }
            before.ifPresent(b -> b.get("things").forEach(t -> owner.put(t.asString(), duplicate)));
        }
    }
}
