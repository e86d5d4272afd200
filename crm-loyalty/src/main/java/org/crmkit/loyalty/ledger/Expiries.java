package org.crmkit.loyalty.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.jspecify.annotations.Nullable;

/**
 * A ledger's room for expiry: when a lot expires, what an expiry run takes, and which lots to give notice of.
 * Immutable; the ledger posts and publishes what it decides.
 */
final class Expiries {
    private final Program program;

    Expiries(Program program) {
        this.program = program;
    }

    /** {@return the day a lot opened at an instant expires, or null when points never expire} */
    @Nullable LocalDate expiresOn(Instant at) {
        if (program.expiry() == ExpiryPolicy.never()) {
            return null;
        }
        return program.expiry().expiresOn(LocalDate.ofInstant(at, program.zone()));
    }

    /** {@return the entry expiring what is due on {@code day}, or null when nothing is} */
    @Nullable LedgerEntry expiry(Account account, long seq, IdempotencyKey key, Instant now, LocalDate day) {
        boolean inactive = false;
        Instant lastActivity = account.lastActivity();
        if (program.expiry() instanceof ExpiryPolicy.AfterInactivity idle && lastActivity != null) {
            LocalDate lastActive = LocalDate.ofInstant(lastActivity, program.zone());
            inactive = !lastActive.plusMonths(idle.months()).isAfter(day);
        }
        List<LotDraw> draws = new ArrayList<>();
        long points = 0;
        for (Lot lot : account.snapshot()) {
            LocalDate expires = lot.expiresOn();
            if (lot.remaining() > 0 && (inactive || expires != null && !expires.isAfter(day))) {
                draws.add(new LotDraw(lot.id(), -lot.remaining()));
                points += lot.remaining();
            }
        }
        if (points == 0) {
            return null;
        }
        return new LedgerEntry.Expiry(new LedgerEntry.Stamp(account.member, seq, key, now,
                inactive ? "expired after inactivity" : "expired", Source.system("expiry")), points, draws);
    }

    /**
     * The notices of a member's lots that expire within the program's notice period from the day of {@code now}.
     *
     * @param number the member
     * @param lots the member's open lots, read only when the program gives notice
     * @param now the instant of the run
     * @return the notices, soonest first; none when the program gives no notice
     */
    List<LoyaltyEvent.PointsExpiring> notices(MemberNumber number, Supplier<List<Lot>> lots, Instant now) {
        Objects.requireNonNull(now, "now");
        int days = program.expiryNoticeDays();
        if (days == 0) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(now, program.zone());
        LocalDate last = today.plusDays(days);
        List<LoyaltyEvent.PointsExpiring> told = new ArrayList<>();
        for (Lot lot : lots.get()) {
            LocalDate due = lot.expiresOn();
            if (due != null && lot.remaining() > 0 && !due.isBefore(today) && !due.isAfter(last)) {
                told.add(new LoyaltyEvent.PointsExpiring(number, lot.id(), lot.remaining(), due, now));
            }
        }
        told.sort(Comparator.comparing(LoyaltyEvent.PointsExpiring::expiresOn));
        return List.copyOf(told);
    }
}
