package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Whether a posting replayed under a used key carries the payload that made the stored entry. */
final class Payloads {
    private Payloads() {
    }

    static boolean same(Posting posting, LedgerEntry entry, Account account) {
        LedgerEntry.Stamp s = entry.stamp();
        if (posting instanceof Posting.Earn p) {
            boolean sameSpend = p.touchpoint().amount().isEmpty() || activities(entry) == 0
                    || p.touchpoint().amount().get().amount().compareTo(spend(entry)) == 0;
            return (entry instanceof LedgerEntry.Accrual || entry instanceof LedgerEntry.Pending)
                    && s.source().equals(Source.touchpoint(p.touchpoint().id().value()))
                    && s.at().equals(p.touchpoint().occurredAt()) && sameSpend;
        }
        if (posting instanceof Posting.Accrue p) {
            return entry instanceof LedgerEntry.Accrual a && a.points() == p.points()
                    && a.qualifyingPoints() == (p.qualifying() ? p.points() : 0) && a.awards().isEmpty()
                    && sameStamp(s, p.at(), p.reason(), p.source());
        }
        if (posting instanceof Posting.Redeem p) {
            return entry instanceof LedgerEntry.Redemption r && r.points() == p.points()
                    && Objects.equals(r.reward(), p.reward()) && sameStamp(s, p.at(), p.reason(), p.source());
        }
        if (posting instanceof Posting.Adjust p) {
            return entry instanceof LedgerEntry.Adjustment a && a.points() == p.points()
                    && sameStamp(s, p.at(), p.reason(), p.source());
        }
        Posting.Reverse p = (Posting.Reverse) posting;
        return entry instanceof LedgerEntry.Reversal r
                && (r.original().equals(p.original()) || r.original().equals(account.releasedBy.get(p.original())))
                && sameStamp(s, p.at(), p.reason(), p.source());
    }

    private static boolean sameStamp(LedgerEntry.Stamp s, Instant at, String reason, Source source) {
        return s.at().equals(at) && s.reason().equals(reason) && s.source().equals(source);
    }

    private static int activities(LedgerEntry e) {
        return e instanceof LedgerEntry.Accrual a ? a.activities()
                : e instanceof LedgerEntry.Pending p ? p.activities() : 0;
    }

    private static BigDecimal spend(LedgerEntry e) {
        return e instanceof LedgerEntry.Accrual a ? a.spend()
                : e instanceof LedgerEntry.Pending p ? p.spend() : BigDecimal.ZERO;
    }
}
