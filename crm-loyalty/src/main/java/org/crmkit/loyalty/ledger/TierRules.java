package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.common.StaffId;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.member.TierLock;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.QualificationPeriod;
import org.crmkit.loyalty.program.Tier;
import org.crmkit.loyalty.spi.MemberRepository;
import org.jspecify.annotations.Nullable;

/**
 * A ledger's room for its program's tier rules: qualifying up on an accrual, falling back after a reversal, period
 * reviews, an agent's hand and lock, and progress to the next tier. Tier changes are saved optimistically on the
 * member and told to the ledger's listeners. Thread-safe.
 */
final class TierRules {
    private static final int RETRIES = 16;

    private final Program program;
    private final MemberRepository members;
    private final Accounts accounts;
    private final Clock clock;
    private final Consumer<LoyaltyEvent> publish;

    TierRules(Program program, MemberRepository members, Accounts accounts, Clock clock,
              Consumer<LoyaltyEvent> publish) {
        this.program = program;
        this.members = members;
        this.accounts = accounts;
        this.clock = clock;
        this.publish = publish;
    }

    /** Reviews a member's tier at the end of the last completed period: see {@link Ledger#review}. */
    Optional<TierChange> review(MemberNumber number, Instant now) {
        ZoneId zone = program.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Member saved = changeTier(accounts.member(number), m -> reviewed(m, today, zone));
        return Optional.ofNullable(saved).map(m -> m.tierHistory().get(m.tierHistory().size() - 1));
    }

    /** Sets a member's tier by hand, optionally locked: see {@link Ledger#assignTier}. */
    Member assignTier(MemberNumber number, String tier, String reason, StaffId by, boolean lock) {
        Objects.requireNonNull(by, "by");
        if (program.tier(tier).isEmpty()) {
            throw new RuleViolationException("tier must be one of " + program.tiers().stream().map(Tier::name)
                    .toList() + ": " + tier);
        }
        Instant now = clock.instant();
        return Objects.requireNonNull(save(accounts.member(number), m -> {
            TierChange change = m.tier().equals(tier) ? null
                    : new TierChange(now, m.tier(), tier, TierChange.Reason.MANUAL, reason + " (by " + by + ")");
            Member unlocked = m.withTierLock(null);
            return new Edit((change == null ? unlocked : unlocked.withTierChange(change))
                    .withTierLock(lock ? new TierLock(tier, now, reason, by) : null), change);
        }));
    }

    /** Releases an agent's lock: see {@link Ledger#releaseTierLock}. */
    Member releaseTierLock(MemberNumber number) {
        Member saved = save(accounts.member(number), m -> m.tierLock().isEmpty() ? null
                : new Edit(m.withTierLock(null), null));
        return saved != null ? saved : accounts.member(number);
    }

    /** How far a member is from the next tier: see {@link Ledger#progress}. */
    TierProgress progress(MemberNumber number, Instant at) {
        Member member = accounts.member(number);
        Account a = accounts.current(number);
        Qualification q;
        synchronized (a) {
            q = qualification(a, at);
        }
        int rank = program.rank(member.tier());
        LocalDate by = program.qualification() == QualificationPeriod.CALENDAR_YEAR
                ? LocalDate.of(LocalDate.ofInstant(at, program.zone()).getYear(), 12, 31) : null;
        if (rank + 1 >= program.tiers().size()) {
            return new TierProgress(member.tier(), null, q, 0, BigDecimal.ZERO, 0, by);
        }
        Tier next = program.tiers().get(rank + 1);
        return new TierProgress(member.tier(), next.name(), q,
                next.qualifyingPoints() > 0 ? Math.max(0, next.qualifyingPoints() - q.qualifyingPoints()) : 0,
                next.spend().signum() > 0 ? next.spend().subtract(q.spend()).max(BigDecimal.ZERO) : BigDecimal.ZERO,
                next.activities() > 0 ? Math.max(0, next.activities() - q.activities()) : 0, by);
    }

    /** {@return the change a review on {@code today} makes to the member's tier, or null for none} */
    private @Nullable TierChange reviewed(Member member, LocalDate today, ZoneId zone) {
        TierChange last = member.tierHistory().get(member.tierHistory().size() - 1);
        int current = program.rank(member.tier());
        if (current == 0) {
            return null;
        }
        LocalDate boundary;
        int fromMonth;
        if (program.qualification() == QualificationPeriod.CALENDAR_YEAR) {
            boundary = LocalDate.of(today.getYear(), 1, 1);
            if (!last.at().isBefore(boundary.atStartOfDay(zone).toInstant())) {
                return null;
            }
            fromMonth = Account.month(boundary.minusYears(1));
        } else {
            boundary = today.withDayOfMonth(1);
            if (last.at().isAfter(boundary.minusMonths(12).atStartOfDay(zone).toInstant())) {
                return null;
            }
            fromMonth = Account.month(boundary.minusMonths(12));
        }
        Account a = accounts.current(member.number());
        Qualification q;
        synchronized (a) {
            q = a.qualification(fromMonth, fromMonth + 11);
        }
        int supported = impliedRank(q);
        if (supported >= current) {
            return null;
        }
        int target = program.softLanding() ? Math.max(supported, current - 1) : supported;
        return new TierChange(boundary.atStartOfDay(zone).toInstant(), member.tier(),
                program.tiers().get(target).name(), TierChange.Reason.REVIEWED_DOWN,
                "review of " + boundary.minusMonths(12) + " to " + boundary.minusDays(1) + ": " + counts(q));
    }

    void upgrade(Member member, Account account, LedgerEntry.Accrual a) {
        if (a.qualifyingPoints() == 0 && a.spend().signum() == 0 && a.activities() == 0
                || program.rank(member.tier()) == program.tiers().size() - 1) {
            return;
        }
        Qualification q;
        synchronized (account) {
            q = qualification(account, a.at());
        }
        int implied = impliedRank(q);
        changeTier(member, m -> {
            if (implied <= program.rank(m.tier())) {
                return null;
            }
            TierChange last = m.tierHistory().get(m.tierHistory().size() - 1);
            Instant at = a.at().isBefore(last.at()) ? last.at() : a.at();
            return new TierChange(at, m.tier(), program.tiers().get(implied).name(), TierChange.Reason.QUALIFIED,
                    counts(q) + " by entry " + a.sequence());
        });
    }

    /**
     * Saves the tier change decided on the member, deciding again on the stored member when another writer got
     * there first; a tier an agent locked is left alone.
     *
     * @param member the member as last read
     * @param decide the change for a member, or null for none
     * @return the stored member, or null when nothing changed
     */
    private @Nullable Member changeTier(Member member, Function<Member, @Nullable TierChange> decide) {
        return save(member, m -> {
            if (m.tierLock().isPresent()) {
                return null; // held by an agent until released
            }
            TierChange change = decide.apply(m);
            return change == null ? null : new Edit(m.withTierChange(change), change);
        });
    }

    /** A member as an edit would store it, and the tier change the edit makes, if any. */
    private record Edit(Member member, @Nullable TierChange change) {
    }

    /**
     * Saves an edit of a member, editing the stored member again when another writer got there first, and tells
     * listeners of the tier change it made.
     *
     * @param member the member as last read
     * @param edit the edit of a member, or null when there is nothing to save
     * @return the stored member, or null when nothing was saved
     */
    private @Nullable Member save(Member member, Function<Member, @Nullable Edit> edit) {
        Member m = member;
        for (int attempt = 0; ; attempt++) {
            Edit e = edit.apply(m);
            if (e == null) {
                return null;
            }
            try {
                Member saved = members.save(e.member());
                accounts.remember(saved);
                if (e.change() != null) {
                    publish.accept(new LoyaltyEvent.TierChanged(saved.number(), e.change(),
                            saved.tierHistory().size()));
                }
                return saved;
            } catch (VersionConflictException conflict) {
                if (attempt >= RETRIES) {
                    throw conflict;
                }
                m = accounts.member(member.number());
            }
        }
    }

    /** Under {@link TierOnReversal#IMMEDIATE}: judges a qualified tier again on its period's counts. */
    void fallAfterReversal(Member member, Account account, LedgerEntry.Reversal r) {
        LedgerEntry original = account.entry(r.original());
        if (!(original instanceof LedgerEntry.Accrual a) || r.qualifyingPoints() == 0 && r.spend().signum() == 0
                && r.activities() == 0) {
            return;
        }
        changeTier(member, m -> {
            TierChange last = m.tierHistory().get(m.tierHistory().size() - 1);
            if (last.reason() != TierChange.Reason.QUALIFIED) {
                return null;
            }
            Qualification q;
            synchronized (account) {
                q = qualification(account, a.at());
            }
            int supported = impliedRank(q);
            if (supported >= program.rank(m.tier())) {
                return null;
            }
            Instant at = r.at().isBefore(last.at()) ? last.at() : r.at();
            return new TierChange(at, m.tier(), program.tiers().get(supported).name(),
                    TierChange.Reason.REVERSED_DOWN, counts(q) + " after reversal " + r.sequence() + " of entry "
                    + a.sequence());
        });
    }

    /** Counts of the period containing {@code at}; called holding the account's lock. */
    Qualification qualification(Account account, Instant at) {
        int month = account.month(at);
        if (program.qualification() == QualificationPeriod.CALENDAR_YEAR) {
            int first = Math.floorDiv(month, 12) * 12;
            return account.qualification(first, first + 11);
        }
        return account.qualification(month - 11, month);
    }

    private int impliedRank(Qualification q) {
        List<Tier> tiers = program.tiers();
        for (int i = tiers.size() - 1; i > 0; i--) {
            if (tiers.get(i).reachedBy(q.qualifyingPoints(), q.spend(), q.activities())) {
                return i;
            }
        }
        return 0;
    }

    private String counts(Qualification q) {
        return q.qualifyingPoints() + " qualifying " + program.unit() + ", spend " + q.spend().toPlainString() + " "
                + program.currency() + ", " + q.activities() + " activities";
    }
}
