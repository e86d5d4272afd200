package org.crmkit.core.privacy;

import java.util.List;

import org.crmkit.core.internal.Checks;

/**
 * Whether a customer may be contacted, and if not, every reason why. Immutable.
 *
 * @param allowed true when nothing stands in the way
 * @param refusals the reasons against, empty when allowed
 */
public record ContactDecision(boolean allowed, List<Refusal> refusals) {
    /** Checks that the decision agrees with its reasons. */
    public ContactDecision {
        refusals = Checks.list("refusals", refusals);
        if (allowed != refusals.isEmpty()) {
            throw new org.crmkit.core.RuleViolationException("a contact decision is allowed exactly when it has no "
                    + "refusals: " + refusals);
        }
    }

    /**
     * Decides from the reasons found.
     *
     * @param refusals the reasons against
     * @return allowed when there are none
     */
    public static ContactDecision of(List<Refusal> refusals) {
        return new ContactDecision(refusals.isEmpty(), refusals);
    }

    /** What stands in the way of a contact. */
    public enum Kind {
        /** No consent for the purpose and channel at that time (never given, withdrawn, or unknown customer). */
        NO_CONSENT,
        /** The customer said they avoid or dislike this channel. */
        CHANNEL_AVOIDED,
        /** It is within quiet hours in the customer's time zone. */
        QUIET_HOURS,
        /** The frequency cap for the purpose is reached. */
        FREQUENCY_CAP
    }

    /**
     * One reason against a contact, with a readable detail.
     *
     * @param kind the kind of reason
     * @param detail what exactly, for an agent to read
     */
    public record Refusal(Kind kind, String detail) {
        /** Checks for nulls. */
        public Refusal {
            Checks.notNull("kind", kind);
            Checks.noCardNumber("detail", detail);
        }
    }
}
