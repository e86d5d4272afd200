package org.crmkit.core.unify;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.touchpoint.TouchpointId;
import org.jspecify.annotations.Nullable;

/**
 * The audit of one merge (C10): both profiles as they were, the merged result, what moved with the duplicate, and
 * what each {@link org.crmkit.core.privacy.MergeParticipant} needs to undo its part. It is written before the merge
 * changes anything and is what {@link org.crmkit.core.Crm#unmerge} restores from. Keyed by the duplicate, which is
 * merged into one survivor at a time. It holds personal data, so erasing either customer deletes it. Immutable.
 *
 * @param duplicate the profile merged away (the key)
 * @param survivor the profile that stayed
 * @param mergedAt when the merge was made, by the facade's clock
 * @param survivorBefore the survivor as it was before the merge
 * @param duplicateBefore the duplicate as it was before the merge
 * @param merged the survivor as the merge left it
 * @param touchpoints the duplicate's touchpoints, which the merge moved to the survivor
 * @param cases the duplicate's service cases, which the merge moved to the survivor
 * @param participants each participant's state before the merge, by {@link
 *                     org.crmkit.core.privacy.MergeParticipant#name()}
 * @param unmergedAt when the merge was undone; absent while it stands
 * @param version the optimistic version, as for every stored aggregate
 */
public record MergeRecord(CustomerId duplicate, CustomerId survivor, Instant mergedAt, Customer survivorBefore,
                          Customer duplicateBefore, Customer merged, List<TouchpointId> touchpoints,
                          List<CaseId> cases, Map<String, JsonNode> participants, @Nullable Instant unmergedAt,
                          long version) {
    /**
     * The most touchpoints or cases one record lists. The record as a whole must also fit one stored document
     * ({@link org.crmkit.core.json.CrmJson#MAX_DOCUMENT_LENGTH}), which {@link org.crmkit.core.Crm#merge} checks.
     */
    public static final int MAX_MOVED = 100_000;

    /** Validates the record: the snapshots must be the two profiles it names. */
    public MergeRecord {
        Checks.notNull("duplicate", duplicate);
        Checks.notNull("survivor", survivor);
        Checks.notNull("mergedAt", mergedAt);
        Checks.notNull("survivorBefore", survivorBefore);
        Checks.notNull("duplicateBefore", duplicateBefore);
        Checks.notNull("merged", merged);
        touchpoints = Checks.list("touchpoints", touchpoints, MAX_MOVED);
        cases = Checks.list("cases", cases, MAX_MOVED);
        participants = Collections.unmodifiableSortedMap(new TreeMap<>(Checks.map("participants", participants)));
        participants.keySet().forEach(name -> Checks.shortText("participants name", name));
        Checks.version(version);
        if (duplicate.equals(survivor)) {
            throw new RuleViolationException("merge record needs two different profiles: " + survivor);
        }
        for (Customer c : List.of(survivorBefore, merged)) {
            if (!c.id().equals(survivor)) {
                throw new RuleViolationException("merge record's survivor snapshots must be of " + survivor + ": "
                        + c.id());
            }
        }
        if (!duplicateBefore.id().equals(duplicate)) {
            throw new RuleViolationException("merge record's duplicate snapshot must be of " + duplicate + ": "
                    + duplicateBefore.id());
        }
        if (unmergedAt != null && unmergedAt.isBefore(mergedAt)) {
            throw new RuleViolationException("merge record's unmergedAt must not be before mergedAt " + mergedAt
                    + ": " + unmergedAt);
        }
    }

    /** {@return when the merge was undone, if it was} */
    public Optional<Instant> unmerged() {
        return Optional.ofNullable(unmergedAt);
    }

    /**
     * The record marked undone.
     *
     * @param at when
     * @return the copy
     */
    public MergeRecord withUnmergedAt(Instant at) {
        return new MergeRecord(duplicate, survivor, mergedAt, survivorBefore, duplicateBefore, merged, touchpoints,
                cases, participants, Checks.notNull("at", at), version);
    }

    /**
     * The record at another version.
     *
     * @param newVersion the version
     * @return the copy
     */
    public MergeRecord withVersion(long newVersion) {
        return new MergeRecord(duplicate, survivor, mergedAt, survivorBefore, duplicateBefore, merged, touchpoints,
                cases, participants, unmergedAt, newVersion);
    }
}
