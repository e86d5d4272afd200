package org.crmkit.loyalty.ledger;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An open credit lot as it stands: the points left of what one entry credited. Immutable snapshot.
 *
 * @param id the sequence number of the entry that opened it
 * @param earnedOn the day it was opened, in the program's zone
 * @param expiresOn the day it expires, or null
 * @param remaining points left; negative only for a debt left by a clawback
 */
public record Lot(long id, LocalDate earnedOn, @Nullable LocalDate expiresOn, long remaining) {
}
