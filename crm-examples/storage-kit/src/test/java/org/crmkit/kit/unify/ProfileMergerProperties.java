package org.crmkit.kit.unify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.consent.ConsentStatus;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.unify.MergeRecord;
import org.crmkit.core.unify.ProfileMerger;
import org.crmkit.kit.CrmArbitraries;

/** The survivorship rules of a merge, over arbitrary pairs of profiles. */
class ProfileMergerProperties {
    private final ProfileMerger merger = new ProfileMerger();
    private static final Instant AT = Instant.parse("2031-01-01T00:00:00Z");

    @Provide
    Arbitrary<Customer> people() {
        return CrmArbitraries.customers().map(c -> c.toBuilder().kind(org.crmkit.core.customer.CustomerKind.PERSON)
                .name(org.crmkit.core.customer.Name.person(c.name().display(), null)).build());
    }

    @Property(tries = 300)
    void mergingTheSameDuplicateAgainChangesNothing(@ForAll("people") Customer survivor,
                                                    @ForAll("people") Customer duplicate) {
        Assume.that(!survivor.id().equals(duplicate.id()));
        Customer once = merger.merge(survivor, duplicate, AT);
        assertEquals(once, merger.merge(once, duplicate, AT));
    }

    @Property(tries = 300)
    void nothingIsLostAndOnePrimaryPerKindRemains(@ForAll("people") Customer survivor,
                                                  @ForAll("people") Customer duplicate) {
        Assume.that(!survivor.id().equals(duplicate.id()));
        Customer merged = merger.merge(survivor, duplicate, AT);
        assertEquals(survivor.id(), merged.id());
        assertTrue(merged.mergedFrom().contains(duplicate.id()));
        for (Customer side : new Customer[] {survivor, duplicate}) {
            for (ContactPoint cp : side.contactPoints()) {
                assertTrue(merged.contactPoints().stream().anyMatch(m -> m.address().equals(cp.address())));
            }
            for (Preference p : side.preferences()) {
                assertTrue(merged.preferences().contains(p));
            }
            assertTrue(merged.consents().history().containsAll(side.consents().history()));
            assertTrue(merged.externalIds().containsAll(side.externalIds()));
        }
        for (ContactKind kind : ContactKind.values()) {
            long primaries = merged.contactPoints().stream().filter(c -> c.kind() == kind && c.primary()).count();
            boolean any = merged.contactPoints().stream().anyMatch(c -> c.kind() == kind);
            assertEquals(any ? 1 : 0, primaries, kind.name());
        }
    }

    @Property(tries = 300)
    void restoringAnUnchangedSurvivorGivesItBackAsItWas(@ForAll("people") Customer survivor,
                                                         @ForAll("people") Customer duplicate) {
        Assume.that(!survivor.id().equals(duplicate.id()));
        MergeRecord record = record(survivor, duplicate);
        Customer restored = merger.restoreSurvivor(record, record.merged(), AT.plusSeconds(60));
        Customer expected = restored.toBuilder().updatedAt(survivor.updatedAt()).build();
        assertEquals(CrmJson.write(survivor), CrmJson.write(expected));
        assertEquals(survivor, expected);
        assertEquals(duplicate.withVersion(0), merger.restoreDuplicate(record, record.merged()));
    }

    @Property(tries = 300)
    void whatChangedOnTheSurvivorSinceTheMergeStays(@ForAll("people") Customer survivor,
                                                    @ForAll("people") Customer duplicate) {
        Assume.that(!survivor.id().equals(duplicate.id()));
        // A profile that exists was not merged into another, unless the merge was undone.
        Assume.that(!survivor.mergedFrom().contains(duplicate.id()));
        MergeRecord record = record(survivor, duplicate);
        ConsentRecord withdrawal = new ConsentRecord(Purpose.MARKETING, null, ConsentStatus.WITHDRAWN,
                AT.plusSeconds(30), "web");
        LifecycleStage stage = record.merged().lifecycleStage() == LifecycleStage.FORMER ? LifecycleStage.PROSPECT
                : LifecycleStage.FORMER;
        Customer changed = record.merged().toBuilder()
                .putAttribute("since-merge", AttributeValue.text("kept"))
                .tags(java.util.stream.Stream.concat(record.merged().tags().stream(), java.util.stream.Stream.of(
                        "since-merge")).toList())
                .lifecycleStage(stage)
                .build().withConsent(withdrawal);
        Customer restored = merger.restoreSurvivor(record, changed, AT.plusSeconds(60));
        assertEquals(AttributeValue.text("kept"), restored.attributes().get("since-merge"));
        assertTrue(restored.tags().contains("since-merge"));
        assertEquals(stage, restored.lifecycleStage());
        assertTrue(restored.consents().history().contains(withdrawal));
        assertFalse(restored.mergedFrom().contains(duplicate.id()));
        for (ContactPoint cp : duplicate.contactPoints()) {
            boolean survivorHadIt = survivor.contactPoints().stream().anyMatch(s -> s.address().equals(cp.address()));
            assertEquals(survivorHadIt, restored.contactPoints().stream()
                    .anyMatch(r -> r.address().equals(cp.address())), cp.address().toString());
        }
        assertTrue(merger.restoreDuplicate(record, changed).consents().history().contains(withdrawal),
                "a withdrawal given since the merge reaches both profiles");
    }

    @Property(tries = 200)
    void eachFieldTakesTheValueItsRuleChooses(@ForAll("people") Customer survivor,
                                              @ForAll("people") Customer duplicate,
                                              @ForAll ProfileMerger.Survivorship rule) {
        Assume.that(!survivor.id().equals(duplicate.id()));
        ProfileMerger chosen = ProfileMerger.builder().rule(ProfileMerger.Field.NAME, rule)
                .rule(ProfileMerger.Field.LIFECYCLE_STAGE, rule).rule(ProfileMerger.Field.TIME_ZONE, rule)
                .attributes(rule).build();
        boolean survivorNewer = !survivor.updatedAt().isBefore(duplicate.updatedAt());
        Customer first = switch (rule) {
            case SURVIVOR -> survivor;
            case DUPLICATE -> duplicate;
            case NEWER -> survivorNewer ? survivor : duplicate;
            case OLDER -> survivorNewer ? duplicate : survivor;
        };
        Customer other = first == survivor ? duplicate : survivor;
        Customer merged = chosen.merge(survivor, duplicate, AT);
        assertEquals(first.name(), merged.name());
        assertEquals(first.lifecycleStage(), merged.lifecycleStage());
        assertEquals(first.timeZone().or(other::timeZone), merged.timeZone());
        for (var e : merged.attributes().entrySet()) {
            AttributeValue expected = first.attributes().containsKey(e.getKey()) ? first.attributes().get(e.getKey())
                    : other.attributes().get(e.getKey());
            assertEquals(expected, e.getValue(), e.getKey());
        }
    }

    private MergeRecord record(Customer survivor, Customer duplicate) {
        return new MergeRecord(duplicate.id(), survivor.id(), AT, survivor, duplicate,
                merger.merge(survivor, duplicate, AT), List.of(), List.of(), Map.of(), null, 0);
    }
}
