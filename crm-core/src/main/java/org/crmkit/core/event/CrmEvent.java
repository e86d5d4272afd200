package org.crmkit.core.event;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.ConsentRecord;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.preference.Preference;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.servicelevel.StandardId;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a customer's records, published after the write that made it so. crm-core's kinds are
 * nested here; other modules add their own (crm-segmentation's {@code SegmentEvent}) by implementing this interface
 * and naming their JSON type on their Jackson module ({@code registerSubtypes}), so crm-core never holds them.
 */
public interface CrmEvent {

    /** {@return the customer the event is about} */
    CustomerId customerId();

    /** {@return when the write happened, by the facade's clock} */
    Instant at();

    /**
     * A profile was created.
     *
     * @param customer the stored profile
     * @param at when
     */
    record CustomerCreated(Customer customer, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public CustomerCreated {
            Checks.notNull("customer", customer);
            Checks.notNull("at", at);
        }

        @Override
        public CustomerId customerId() {
            return customer.id();
        }
    }

    /**
     * A profile was changed.
     *
     * @param before the snapshot before the change
     * @param after the stored snapshot after it
     * @param at when
     */
    record CustomerUpdated(Customer before, Customer after, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public CustomerUpdated {
            Checks.notNull("before", before);
            Checks.notNull("after", after);
            Checks.notNull("at", at);
        }

        @Override
        public CustomerId customerId() {
            return after.id();
        }
    }

    /**
     * A duplicate profile was merged into a surviving one (C10).
     *
     * @param customerId the surviving profile
     * @param merged the id of the profile merged into it, which no longer exists
     * @param at when
     */
    record CustomerMerged(CustomerId customerId, CustomerId merged, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public CustomerMerged {
            Checks.notNull("customerId", customerId);
            Checks.notNull("merged", merged);
            Checks.notNull("at", at);
        }
    }

    /**
     * A merge was undone: the duplicate is stored again, with the touchpoints and cases the merge had moved.
     *
     * @param customerId the survivor of the merge
     * @param restored the duplicate, stored again
     * @param touchpoints the touchpoints moved back to the restored profile
     * @param cases the cases moved back to the restored profile
     * @param at when
     */
    record CustomerUnmerged(CustomerId customerId, CustomerId restored, List<TouchpointId> touchpoints,
                            List<CaseId> cases, Instant at) implements CrmEvent {
        /** Checks for nulls and copies the lists. */
        public CustomerUnmerged {
            Checks.notNull("customerId", customerId);
            Checks.notNull("restored", restored);
            touchpoints = Checks.list("touchpoints", touchpoints);
            cases = Checks.list("cases", cases);
            Checks.notNull("at", at);
        }
    }

    /**
     * A preference was recorded.
     *
     * @param customerId the customer
     * @param preference the preference
     * @param at when
     */
    record PreferenceRecorded(CustomerId customerId, Preference preference, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public PreferenceRecorded {
            Checks.notNull("customerId", customerId);
            Checks.notNull("preference", preference);
            Checks.notNull("at", at);
        }
    }

    /**
     * A consent decision was recorded.
     *
     * @param customerId the customer
     * @param record the decision
     * @param at when
     */
    record ConsentChanged(CustomerId customerId, ConsentRecord record, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public ConsentChanged {
            Checks.notNull("customerId", customerId);
            Checks.notNull("record", record);
            Checks.notNull("at", at);
        }

        /** {@return the channel the decision applies to, or null for every channel} */
        public @Nullable Channel channel() {
            return record.channel();
        }
    }

    /**
     * A touchpoint was recorded.
     *
     * @param touchpoint the stored touchpoint
     * @param at when
     */
    record TouchpointRecorded(Touchpoint touchpoint, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public TouchpointRecorded {
            Checks.notNull("touchpoint", touchpoint);
            Checks.notNull("at", at);
        }

        @Override
        public CustomerId customerId() {
            return touchpoint.customerId();
        }
    }

    /**
     * A case was opened or changed status.
     *
     * @param customerId the customer
     * @param caseId the case
     * @param from the status before, or null when the case was opened
     * @param to the status after
     * @param at when
     */
    record CaseStatusChanged(CustomerId customerId, CaseId caseId, @Nullable CaseStatus from, CaseStatus to,
                             Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public CaseStatusChanged {
            Checks.notNull("customerId", customerId);
            Checks.notNull("caseId", caseId);
            Checks.notNull("to", to);
            Checks.notNull("at", at);
        }
    }

    /**
     * An item's service-level clock passed the warning share of its target.
     *
     * @param customerId the customer
     * @param itemId the measured item, such as a case id
     * @param standardId the standard
     * @param version the version of the standard
     * @param at when the threshold was crossed
     */
    record ServiceLevelWarning(CustomerId customerId, String itemId, StandardId standardId, int version, Instant at)
            implements CrmEvent {
        /** Checks for nulls. */
        public ServiceLevelWarning {
            Checks.notNull("customerId", customerId);
            Checks.noCardNumber("itemId", itemId);
            Checks.notNull("standardId", standardId);
            Checks.notNull("at", at);
        }
    }

    /**
     * An item's service-level clock passed its target.
     *
     * @param customerId the customer
     * @param itemId the measured item
     * @param standardId the standard
     * @param version the version of the standard
     * @param at when the target was passed
     */
    record ServiceLevelBreached(CustomerId customerId, String itemId, StandardId standardId, int version, Instant at)
            implements CrmEvent {
        /** Checks for nulls. */
        public ServiceLevelBreached {
            Checks.notNull("customerId", customerId);
            Checks.noCardNumber("itemId", itemId);
            Checks.notNull("standardId", standardId);
            Checks.notNull("at", at);
        }
    }

    /**
     * An item reached a step of its standard's escalation ladder (C5: take the order, bring drinks).
     *
     * @param customerId the customer
     * @param itemId the measured item
     * @param standardId the standard
     * @param version the version of the standard
     * @param action what is now due
     * @param at when the step was reached
     */
    record EscalationStepReached(CustomerId customerId, String itemId, StandardId standardId, int version,
                                 String action, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public EscalationStepReached {
            Checks.notNull("customerId", customerId);
            Checks.noCardNumber("itemId", itemId);
            Checks.notNull("standardId", standardId);
            Checks.noCardNumber("action", action);
            Checks.notNull("at", at);
        }
    }

    /**
     * A customer was erased. Listeners holding copies of the customer's data must remove them.
     *
     * @param customerId the erased customer
     * @param at when
     */
    record CustomerErased(CustomerId customerId, Instant at) implements CrmEvent {
        /** Checks for nulls. */
        public CustomerErased {
            Checks.notNull("customerId", customerId);
            Checks.notNull("at", at);
        }
    }
}
