package org.crmkit.core.servicelevel;

import java.util.Collections;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.Lane;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;

/**
 * Which items a standard applies to: touchpoints of some kinds, cases of some categories or lanes, and items of
 * customers in some segments (a segment rule of crm-segmentation, such as gold members getting a faster promise).
 * An empty set places no condition. Segments are named here and evaluated by the host, which passes the names of
 * the segments the item's customer belongs to. Immutable.
 *
 * @param touchpointKinds kinds of touchpoint measured; empty for any
 * @param caseCategories categories of case measured; empty for any
 * @param lanes lanes of case measured; empty for any
 * @param segments names of segments, one of which the item's customer must belong to; empty for any customer
 */
public record Selector(Set<TouchpointKind> touchpointKinds, Set<CaseCategory> caseCategories, Set<Lane> lanes,
                       Set<String> segments) {
    /** Applies to every item. */
    public static final Selector ANY = new Selector(Set.of(), Set.of(), Set.of(), Set.of());

    /**
     * Copies the sets, sorted so that a selector always writes the same JSON text. A null {@code segments} reads
     * as empty, so that standards written before segments existed still read.
     */
    public Selector {
        touchpointKinds = sorted("touchpointKinds", touchpointKinds);
        caseCategories = sorted("caseCategories", caseCategories);
        lanes = sorted("lanes", lanes);
        segments = sorted("segments", segments == null ? Set.of() : segments);
        segments.forEach(name -> Checks.code("segment", name));
    }

    /**
     * A selector for any customer.
     *
     * @param touchpointKinds kinds of touchpoint measured; empty for any
     * @param caseCategories categories of case measured; empty for any
     * @param lanes lanes of case measured; empty for any
     */
    public Selector(Set<TouchpointKind> touchpointKinds, Set<CaseCategory> caseCategories, Set<Lane> lanes) {
        this(touchpointKinds, caseCategories, lanes, Set.of());
    }

    /**
     * A copy that applies only to customers in one of the segments.
     *
     * @param names the segments' names
     * @return the copy
     */
    public Selector inSegments(String... names) {
        return new Selector(touchpointKinds, caseCategories, lanes, Set.of(names));
    }

    private static <T> Set<T> sorted(String field, Set<T> values) {
        Set<T> out = new TreeSet<>(Comparator.comparing(Object::toString));
        out.addAll(Checks.list(field, values));
        return Collections.unmodifiableSet(out);
    }

    /**
     * Selects cases of some categories.
     *
     * @param categories the categories
     * @return the selector
     */
    public static Selector cases(CaseCategory... categories) {
        return new Selector(Set.of(), Set.of(categories), Set.of(), Set.of());
    }

    /**
     * Selects touchpoints of some kinds.
     *
     * @param kinds the kinds
     * @return the selector
     */
    public static Selector touchpoints(TouchpointKind... kinds) {
        return new Selector(Set.of(kinds), Set.of(), Set.of(), Set.of());
    }

    /**
     * Tells whether the standard applies to a case of a customer in no segment.
     *
     * @param serviceCase the case
     * @return true when it applies
     */
    public boolean matches(ServiceCase serviceCase) {
        return matches(serviceCase, Set.of());
    }

    /**
     * Tells whether the standard applies to a case.
     *
     * @param serviceCase the case
     * @param customerSegments the names of the segments the case's customer belongs to
     * @return true when it applies
     */
    public boolean matches(ServiceCase serviceCase, Set<String> customerSegments) {
        return touchpointKinds.isEmpty()
                && (caseCategories.isEmpty() || caseCategories.contains(serviceCase.category()))
                && (lanes.isEmpty() || lanes.contains(serviceCase.lane()))
                && inSegment(customerSegments);
    }

    /**
     * Tells whether the standard applies to a touchpoint of a customer in no segment.
     *
     * @param touchpoint the touchpoint
     * @return true when it applies
     */
    public boolean matches(Touchpoint touchpoint) {
        return matches(touchpoint, Set.of());
    }

    /**
     * Tells whether the standard applies to a touchpoint.
     *
     * @param touchpoint the touchpoint
     * @param customerSegments the names of the segments the touchpoint's customer belongs to
     * @return true when it applies
     */
    public boolean matches(Touchpoint touchpoint, Set<String> customerSegments) {
        return caseCategories.isEmpty() && lanes.isEmpty()
                && (touchpointKinds.isEmpty() || touchpointKinds.contains(touchpoint.kind()))
                && inSegment(customerSegments);
    }

    private boolean inSegment(Set<String> customerSegments) {
        if (segments.isEmpty()) {
            return true;
        }
        for (String s : customerSegments) {
            if (segments.contains(s)) {
                return true;
            }
        }
        return false;
    }
}
