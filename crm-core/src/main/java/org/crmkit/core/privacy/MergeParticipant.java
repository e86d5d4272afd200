package org.crmkit.core.privacy;

import org.crmkit.core.customer.CustomerId;

/**
 * A part of the host or of another crmkit module that links data to customers and must follow a merge of two
 * profiles (C10): crm-loyalty moves memberships to the survivor. Participants run after the survivor is saved and
 * before the duplicate is deleted; a merge that fails is run again, so a participant must be idempotent.
 */
@FunctionalInterface
public interface MergeParticipant {

    /**
     * Moves what this participant links to the duplicate over to the survivor.
     *
     * @param survivor the profile that stays
     * @param duplicate the profile merged into it, about to be deleted
     */
    void merged(CustomerId survivor, CustomerId duplicate);
}
