package org.crmkit.loyalty.ledger;

import java.util.Objects;

import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.MemberStatus;

/**
 * Where a member stands at an instant: tier, status, balance, pending points and the current qualification
 * period's counts. Attach it to a segmentation {@code Subject} to use the {@code loyalty.*} facts. Immutable.
 *
 * @param number the member
 * @param programId the program
 * @param tier the current tier
 * @param status the status
 * @param balance the points balance
 * @param pendingPoints points promised but not yet posted
 * @param qualification the counts of the qualification period containing the instant
 */
public record MemberStanding(MemberNumber number, String programId, String tier, MemberStatus status, long balance,
        long pendingPoints, Qualification qualification) {
    /** Checks the fields are present. */
    public MemberStanding {
        Objects.requireNonNull(number, "number");
        CardNumbers.requireNoCardNumber("programId", Objects.requireNonNull(programId, "programId"));
        CardNumbers.requireNoCardNumber("tier", Objects.requireNonNull(tier, "tier"));
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(qualification, "qualification");
    }
}
