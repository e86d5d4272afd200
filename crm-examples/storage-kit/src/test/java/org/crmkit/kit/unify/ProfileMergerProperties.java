package org.crmkit.kit.unify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.preference.Preference;
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
}
