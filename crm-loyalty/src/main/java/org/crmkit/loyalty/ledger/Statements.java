package org.crmkit.loyalty.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import org.crmkit.core.RuleViolationException;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.Program;

/**
 * A ledger's room for statements: a member's entries over a period between opening and closing balances, the
 * points expiring soon after it, pending points and tier progress. Thread-safe; reads only.
 */
final class Statements {
    /** How far past a statement's last day its points expiring soon are listed. */
    private static final int EXPIRING_SOON_DAYS = 90;

    private final Program program;
    private final Accounts accounts;
    private final TierRules tiers;
    private final Clock clock;

    Statements(Program program, Accounts accounts, TierRules tiers, Clock clock) {
        this.program = program;
        this.accounts = accounts;
        this.tiers = tiers;
        this.clock = clock;
    }

    /** A member's statement for the days {@code from} to {@code to}: see {@link Ledger#statement}. */
    Statement statement(MemberNumber number, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new RuleViolationException("statement period must not end before it starts: " + from + " to " + to);
        }
        ZoneId zone = program.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        long opening = 0;
        List<LedgerEntry> inPeriod = new ArrayList<>();
        for (LedgerEntry e : accounts.entries(number)) {
            if (e.at().isBefore(start)) {
                opening += e.delta();
            } else if (e.at().isBefore(end)) {
                inPeriod.add(e);
            }
        }
        long closing = opening;
        for (LedgerEntry e : inPeriod) {
            closing += e.delta();
        }
        TreeMap<LocalDate, Long> expiring = new TreeMap<>();
        long pending;
        Account a = accounts.current(number);
        synchronized (a) {
            for (Lot lot : a.snapshot()) {
                LocalDate expires = lot.expiresOn();
                if (lot.remaining() > 0 && expires != null && expires.isAfter(to)
                        && !expires.isAfter(to.plusDays(EXPIRING_SOON_DAYS))) {
                    expiring.merge(expires, lot.remaining(), Long::sum);
                }
            }
            pending = a.pendingPoints;
        }
        List<Statement.Expiring> soon = new ArrayList<>();
        expiring.forEach((day, points) -> soon.add(new Statement.Expiring(day, points)));
        Instant progressAt = end.isAfter(clock.instant()) ? clock.instant() : end.minusNanos(1);
        return new Statement(number, from, to, opening, inPeriod, closing, soon, pending,
                tiers.progress(number, progressAt));
    }
}
