package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crmkit.core.Crm;
import org.crmkit.core.common.MutableClock;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Name;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.event.EventDispatcher;
import org.crmkit.core.privacy.ErasureCertificate;
import org.junit.jupiter.api.Test;

class SnapshotHistoryTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-06-01T08:00:00Z"));

    @Test
    void anErasedCustomerLeavesEveryKeptSnapshotAndIsNeverReportedAsExited() {
        SnapshotHistory history = new SnapshotHistory();
        EventDispatcher events = new EventDispatcher();
        List<CrmEvent> seen = new ArrayList<>();
        events.subscribe(seen::add);
        Crm crm = Crm.builder().clock(clock).events(events).erasureParticipant(history).build();
        CustomerId mei = crm.createCustomer(b -> b.name(Name.person("Mei", "Lin"))).id();
        CustomerId ann = crm.createCustomer(b -> b.name(Name.person("Ann", "Lee"))).id();
        history.record(new MembershipSnapshot("vip", 1, clock.instant(), Set.of(mei, ann)), events);

        ErasureCertificate cert = crm.erase(mei);

        assertEquals(Set.of(ann), history.latest("vip").orElseThrow().members());
        assertTrue(cert.erased().contains("segment snapshots (1): membership of the customer"), cert.erased().toString());
        seen.clear();
        history.record(new MembershipSnapshot("vip", 1, clock.instant().plusSeconds(60), Set.of(ann)), events);
        assertFalse(seen.stream().anyMatch(e -> e.toString().contains(mei.value())), seen.toString());
        assertEquals("", history.erase(mei, CustomerId.of("erased-x")), "a second run finds nothing");
    }
}
