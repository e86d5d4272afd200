package org.crmkit.core.privacy;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.customer.CustomerId;

/**
 * A part of the host or of another crmkit module that links data to customers and must follow a merge of two
 * profiles (C10): crm-loyalty moves memberships to the survivor. Participants run after the survivor is saved and
 * before the duplicate is deleted; a merge that fails is run again, so a participant must be idempotent.
 *
 * <p>To be undone by {@link org.crmkit.core.Crm#unmerge}, a participant also says what it needs to restore
 * ({@link #beforeMerge}, kept in the merge's {@link org.crmkit.core.unify.MergeRecord} under {@link #name()}) and
 * restores it ({@link #unmerged}). A participant that overrides neither leaves its part merged when a merge is
 * undone.
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

    /** {@return the participant's name in merge records; the class name unless overridden} */
    default String name() {
        return getClass().getName();
    }

    /**
     * What this participant needs to undo the merge, read before the merge changes anything.
     *
     * @param survivor the profile that stays
     * @param duplicate the profile about to be merged into it
     * @return the state to keep in the merge record, as JSON; empty when there is nothing to restore
     */
    default Optional<JsonNode> beforeMerge(CustomerId survivor, CustomerId duplicate) {
        return Optional.empty();
    }

    /**
     * Undoes this participant's part of a merge: links back to the duplicate what it linked before. Runs after
     * the duplicate is stored again and the survivor restored; an unmerge that fails is run again, so it
     * must be idempotent.
     *
     * @param survivor the profile that stayed
     * @param duplicate the profile restored
     * @param before what {@link #beforeMerge} returned at the merge, if anything
     */
    default void unmerged(CustomerId survivor, CustomerId duplicate, Optional<JsonNode> before) {
    }
}
