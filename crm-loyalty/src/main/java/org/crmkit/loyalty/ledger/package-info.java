/**
 * The points ledger: {@link org.crmkit.loyalty.ledger.Ledger} takes {@link org.crmkit.loyalty.ledger.Posting}s
 * and appends {@link org.crmkit.loyalty.ledger.LedgerEntry}s, each under an idempotency key, with points kept in
 * credit lots; it also runs expiry, pending points, tier upgrades and reviews, and writes statements.
 */
@NullMarked
package org.crmkit.loyalty.ledger;

import org.jspecify.annotations.NullMarked;
