package org.crmkit.core.service;

import java.time.Instant;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One move of a case from one status to another. The first entry of a history has no {@code from}. Immutable.
 *
 * @param from the status before, or null for the opening entry
 * @param to the status after
 * @param at when
 * @param by who made the change, if staff did
 * @param note why, if recorded
 */
public record StatusChange(@Nullable CaseStatus from, CaseStatus to, Instant at, @Nullable StaffId by,
                           @Nullable String note) {
    /** Validates the change. */
    public StatusChange {
        Checks.notNull("to", to);
        Checks.notNull("at", at);
        note = Checks.optionalText("status note", note, Checks.MAX_TEXT);
    }
}
