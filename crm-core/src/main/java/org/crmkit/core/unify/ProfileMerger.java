package org.crmkit.core.unify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Merges a duplicate profile into a surviving one (C10). The survivorship rules:
 * <ul>
 *   <li>The survivor keeps its id, kind and name, and the earlier creation time of the two.</li>
 *   <li>Contact points are united by address. For an address both hold, the verified one wins, then the one of
 *       the more recently updated profile. For each kind the primary is the first of: a verified primary of the
 *       newer profile, a verified primary of the older, an unverified primary of the newer, of the older.</li>
 *   <li>Single values (employer, account manager, time zone, lifecycle stage) and attributes held by both: the more
 *       recently updated profile's value wins; a value only one holds is kept. An employer that is one of the two
 *       merged profiles is dropped, since a profile cannot employ itself.</li>
 *   <li>Preferences, consent history, notes, special dates, key contacts, external ids, cards on file, agreements
 *       and tags are united; preference and consent conflicts are then resolved as usual, by source and time.</li>
 *   <li>The survivor records the duplicate's id (and whatever the duplicate had merged) in
 *       {@link Customer#mergedFrom()}.</li>
 * </ul>
 * Merging is idempotent: merging the same duplicate into the result again gives the same profile. Stateless
 * and thread-safe.
 */
public final class ProfileMerger {

    /** Creates a merger; it holds no state, so one may be shared. */
    public ProfileMerger() {
    }

    /**
     * Merges two profiles.
     *
     * @param survivor the profile that stays
     * @param duplicate the profile merged into it
     * @param at the update time of the result
     * @return the merged survivor, at the survivor's version
     * @throws RuleViolationException when the two are the same profile, or of different kinds
     */
    public Customer merge(Customer survivor, Customer duplicate, Instant at) {
        Checks.notNull("survivor", survivor);
        Checks.notNull("duplicate", duplicate);
        Checks.notNull("at", at);
        if (survivor.id().equals(duplicate.id())) {
            throw new RuleViolationException("merge needs two different profiles: " + survivor.id());
        }
        if (survivor.kind() != duplicate.kind()) {
            throw new RuleViolationException("merge needs profiles of one kind: " + survivor.kind() + " and "
                    + duplicate.kind());
        }
        boolean survivorNewer = !survivor.updatedAt().isBefore(duplicate.updatedAt());
        Customer newer = survivorNewer ? survivor : duplicate;
        Customer older = survivorNewer ? duplicate : survivor;

        Set<CustomerId> mergedFrom = new LinkedHashSet<>(survivor.mergedFrom());
        mergedFrom.addAll(duplicate.mergedFrom());
        mergedFrom.add(duplicate.id());
        mergedFrom.remove(survivor.id());

        Map<String, AttributeValue> attributes = new HashMap<>(older.attributes());
        attributes.putAll(newer.attributes());
        Set<String> tags = new TreeSet<>(survivor.tags());
        tags.addAll(duplicate.tags());

        return survivor.toBuilder()
                .createdAt(survivor.createdAt().isBefore(duplicate.createdAt()) ? survivor.createdAt()
                        : duplicate.createdAt())
                .updatedAt(at.isBefore(survivor.updatedAt()) ? survivor.updatedAt() : at)
                .contactPoints(contacts(newer, older))
                .employer(employer(newer, older, survivor.id(), duplicate.id()))
                .accountManager(newer.accountManager().or(older::accountManager).orElse(null))
                .timeZone(newer.timeZone().or(older::timeZone).orElse(null))
                .lifecycleStage(newer.lifecycleStage())
                .tags(tags)
                .attributes(attributes)
                .keyContacts(union(survivor.keyContacts(), duplicate.keyContacts(), Function.identity()))
                .specialDates(union(survivor.specialDates(), duplicate.specialDates(), Function.identity()))
                .notes(union(survivor.notes(), duplicate.notes(), Function.identity()))
                .externalIds(union(survivor.externalIds(), duplicate.externalIds(), Function.identity()))
                .paymentInstruments(union(survivor.paymentInstruments(), duplicate.paymentInstruments(),
                        p -> p.token()))
                .preferences(union(survivor.preferences(), duplicate.preferences(), Function.identity()))
                .consents(union(survivor.consents().history(), duplicate.consents().history(), Function.identity()))
                .agreements(union(survivor.agreements(), duplicate.agreements(), a -> a.id()))
                .mergedFrom(mergedFrom)
                .build();
    }

    /** The newer profile's employer, else the older's; never one of the two profiles being merged. */
    private static @Nullable CustomerId employer(Customer newer, Customer older, CustomerId a, CustomerId b) {
        for (Customer c : List.of(newer, older)) {
            CustomerId e = c.employer().orElse(null);
            if (e != null && !e.equals(a) && !e.equals(b)) {
                return e;
            }
        }
        return null;
    }

    private static List<ContactPoint> contacts(Customer newer, Customer older) {
        Map<ContactAddress, ContactPoint> byAddress = new LinkedHashMap<>();
        Map<ContactAddress, Integer> rank = new HashMap<>();
        // Lower rank wins: verified before unverified, newer profile before older.
        for (int side = 0; side < 2; side++) {
            for (ContactPoint cp : (side == 0 ? newer : older).contactPoints()) {
                int r = (cp.verified() ? 0 : 2) + side;
                Integer seen = rank.get(cp.address());
                if (seen == null || r < seen) {
                    rank.put(cp.address(), r);
                    byAddress.put(cp.address(), cp);
                }
            }
        }
        Map<ContactKind, ContactAddress> primary = new HashMap<>();
        Map<ContactKind, Integer> primaryRank = new HashMap<>();
        for (int side = 0; side < 2; side++) {
            for (ContactPoint cp : (side == 0 ? newer : older).contactPoints()) {
                if (!cp.primary()) {
                    continue;
                }
                int r = (byAddress.get(cp.address()).verified() ? 0 : 2) + side;
                Integer best = primaryRank.get(cp.kind());
                if (best == null || r < best) {
                    primaryRank.put(cp.kind(), r);
                    primary.put(cp.kind(), cp.address());
                }
            }
        }
        List<ContactPoint> out = new ArrayList<>(byAddress.size());
        byAddress.values().stream()
                .sorted(Comparator.comparing(ContactPoint::kind))
                .forEach(cp -> out.add(cp.withPrimary(cp.address().equals(primary.get(cp.kind())))));
        return out;
    }

    private static <T> List<T> union(List<T> first, List<T> second, Function<T, ?> key) {
        Map<Object, T> byKey = new LinkedHashMap<>();
        for (T t : first) {
            byKey.putIfAbsent(key.apply(t), t);
        }
        for (T t : second) {
            byKey.putIfAbsent(key.apply(t), t);
        }
        return List.copyOf(byKey.values());
    }
}
