package org.crmkit.core.servicelevel;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.touchpoint.TouchpointId;

/**
 * Names a measured item: a service case, or the touchpoint that opened an exchange (a booking, a visit) that later
 * touchpoints relate to. Immutable.
 *
 * @param kind what the item is
 * @param id the case's or touchpoint's id
 */
public record ItemKey(Kind kind, String id) {
    /** What a measured item is. */
    public enum Kind {
        /** A service case, measured from its status changes. */
        CASE,
        /** A touchpoint and the touchpoints related to it. */
        TOUCHPOINT
    }

    /** Validates the key. */
    public ItemKey {
        Checks.notNull("kind", kind);
        id = Checks.id("item id", id);
    }

    /**
     * The key of a case.
     *
     * @param id the case
     * @return the key
     */
    public static ItemKey of(CaseId id) {
        return new ItemKey(Kind.CASE, Checks.notNull("id", id).value());
    }

    /**
     * The key of a touchpoint.
     *
     * @param id the touchpoint
     * @return the key
     */
    public static ItemKey of(TouchpointId id) {
        return new ItemKey(Kind.TOUCHPOINT, Checks.notNull("id", id).value());
    }

    /**
     * Reads the form {@link #toString()} writes.
     *
     * @param text such as {@code "case:case-42"}
     * @return the key
     * @throws RuleViolationException when the text is not a kind, a colon and an id
     */
    public static ItemKey parse(String text) {
        Checks.notNull("item key", text);
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new RuleViolationException("item key must be a kind, a colon and an id: " + CardNumbers.mask(text));
        }
        Kind kind;
        try {
            kind = EnumNames.parse(Kind.class, text.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("item kind " + e.getMessage());
        }
        return new ItemKey(kind, text.substring(colon + 1));
    }

    /** {@return the kind and the id, such as {@code "case:case-42"}} */
    @Override
    public String toString() {
        return EnumNames.of(kind) + ":" + id;
    }
}
