package org.crmkit.loyalty.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.crmkit.loyalty.internal.Checks;
import org.crmkit.loyalty.member.MemberNumber;

/**
 * A member's account for a period: the opening balance, the entries that took effect in it, the closing balance,
 * points expiring soon after it, points pending, and progress toward the next tier. Immutable.
 *
 * @param member the member
 * @param from the first day, in the program's zone
 * @param to the last day, included
 * @param opening the balance at the start of {@code from}
 * @param entries the entries effective in the period, in sequence order
 * @param closing the balance at the end of {@code to}: {@code opening} plus the entries' deltas
 * @param expiringSoon points of the lots open now that expire within 90 days after {@code to}, by day
 * @param pendingPoints points promised and not yet posted
 * @param progress progress toward the next tier at the end of the period
 */
public record Statement(MemberNumber member, LocalDate from, LocalDate to, long opening, List<LedgerEntry> entries,
        long closing, List<Expiring> expiringSoon, long pendingPoints, TierProgress progress) {
    /** Validates the statement. */
    public Statement {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        entries = Checks.list("entries", entries);
        expiringSoon = Checks.list("expiringSoon", expiringSoon);
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * Points that expire on one day.
     *
     * @param on the day they are no longer available
     * @param points how many
     */
    public record Expiring(LocalDate on, long points) {
    }
}
