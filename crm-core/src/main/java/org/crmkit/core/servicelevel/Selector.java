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
 * Which items a standard applies to: touchpoints of some kinds, cases of some categories or lanes. An empty set
 * places no condition. A host with other criteria filters items itself before reading their clocks. Immutable.
 *
 * @param touchpointKinds kinds of touchpoint measured; empty for any
 * @param caseCategories categories of case measured; empty for any
 * @param lanes lanes of case measured; empty for any
 */
public record Selector(Set<TouchpointKind> touchpointKinds, Set<CaseCategory> caseCategories, Set<Lane> lanes) {
    /** Applies to every item. */
    public static final Selector ANY = new Selector(Set.of(), Set.of(), Set.of());

    /** Copies the sets, sorted so that a selector always writes the same JSON text. */
    public Selector {
        touchpointKinds = sorted("touchpointKinds", touchpointKinds);
        caseCategories = sorted("caseCategories", caseCategories);
        lanes = sorted("lanes", lanes);
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
        return new Selector(Set.of(), Set.of(categories), Set.of());
    }

    /**
     * Selects touchpoints of some kinds.
     *
     * @param kinds the kinds
     * @return the selector
     */
    public static Selector touchpoints(TouchpointKind... kinds) {
        return new Selector(Set.of(kinds), Set.of(), Set.of());
    }

    /** {@return true when the standard applies to the case} */
    public boolean matches(ServiceCase serviceCase) {
        return touchpointKinds.isEmpty()
                && (caseCategories.isEmpty() || caseCategories.contains(serviceCase.category()))
                && (lanes.isEmpty() || lanes.contains(serviceCase.lane()));
    }

    /** {@return true when the standard applies to the touchpoint} */
    public boolean matches(Touchpoint touchpoint) {
        return caseCategories.isEmpty() && lanes.isEmpty()
                && (touchpointKinds.isEmpty() || touchpointKinds.contains(touchpoint.kind()));
    }
}
