package org.crmkit.core.agreement;

import java.time.Instant;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * A standing agreement the customer signed once, valid for a period: while it is valid, each transaction it
 * covers needs no new signature (C1: the annual rental agreement that spares the counter). Immutable.
 *
 * @param id the agreement's id
 * @param type lower-case code of the kind of agreement, such as {@code "rental-annual"}
 * @param signedAt when the customer signed
 * @param validFrom first instant it is valid
 * @param validUntil first instant it is no longer valid
 */
public record Agreement(AgreementId id, String type, Instant signedAt, Instant validFrom, Instant validUntil) {
    /**
     * Validates the agreement.
     *
     * @throws RuleViolationException when the window is empty or reversed
     */
    public Agreement {
        Checks.notNull("id", id);
        type = Checks.code("agreement type", type);
        Checks.notNull("signedAt", signedAt);
        Checks.notNull("validFrom", validFrom);
        Checks.notNull("validUntil", validUntil);
        if (!validUntil.isAfter(validFrom)) {
            throw new RuleViolationException("agreement validUntil must be after validFrom: " + validFrom
                    + " >= " + validUntil);
        }
    }

    /**
     * Tells whether the agreement is in force at an instant.
     *
     * @param instant the instant
     * @return true when {@code validFrom <= instant < validUntil}
     */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}
