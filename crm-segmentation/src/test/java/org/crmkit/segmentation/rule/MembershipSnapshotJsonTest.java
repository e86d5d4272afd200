package org.crmkit.segmentation.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import tools.jackson.core.type.TypeReference;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.json.CrmJson;
import org.junit.jupiter.api.Test;

/** A stored snapshot of a segment's members, as its golden file shows it. */
class MembershipSnapshotJsonTest {
    @Test
    void aSnapshotMatchesItsGoldenFileAndReadsBack() throws IOException {
        MembershipSnapshot snapshot = new MembershipSnapshot("vip", 3, Instant.parse("2026-03-01T00:00:00Z"),
                Set.of(CustomerId.of("c-2"), CustomerId.of("c-1")));
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/membership-snapshot.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertEquals(golden, CrmJson.write(snapshot));
        assertEquals(snapshot, CrmJson.read(golden, MembershipSnapshot.class));
    }

    @Test
    void segmentEventsAreCrmEventsWithTheirOwnTypeNames() throws IOException {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        List<CrmEvent> events = List.of(new SegmentEvent.Entered(CustomerId.of("c-1"), "vip", 3, at),
                new SegmentEvent.Exited(CustomerId.of("c-2"), "vip", 3, at));
        TypeReference<List<CrmEvent>> type = new TypeReference<>() { };
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/segment-events.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertEquals(golden, CrmJson.mapper().writerFor(type).writeValueAsString(events));
        assertEquals(events, CrmJson.mapper().readValue(golden, type));
    }
}
