package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.event.LoyaltyEvent;
import org.crmkit.loyalty.event.LoyaltyEventListener;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.member.TierChange;
import org.crmkit.loyalty.memory.InMemoryLedgerStore;
import org.crmkit.loyalty.memory.InMemoryMemberRepository;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.program.TierOnReversal;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The points ledger of one program: enrollment, postings, balances, expiry, pending points, tier upgrades and
 * reviews, and statements. Thread-safe: postings to one member are serialised, postings to different members run
 * in parallel, and no update is lost.
 *
 * <p>Each member's entries are folded into an account kept in memory, so the balance is read in constant time.
 * The store decides: an entry is applied only after the store accepted it as the member's next sequence, and when
 * another writer (another node) got there first the entries it wrote are read and the posting decided afresh.
 * Reads ask the store for the member's last sequence and read only what other writers added since.
 *
 * <p>The ledger posts, runs expiry and pending points, and writes statements; its members' accounts are kept by
 * {@code Accounts} and its tier rules applied by {@code TierRules}, each a room of its own.
 */
public final class Ledger {
    private static final System.Logger LOG = System.getLogger(Ledger.class.getName());
    private static final int RETRIES = 16;
    private static final int PAGE = 10_000;
    /** When a posting spends points: one instance, as it holds nothing of a posting. */
    private static final Posting.Visitor<@Nullable Instant> SPENDING_AT = new Posting.Visitor<>() {
        @Override
        public @Nullable Instant earn(Posting.Earn p) {
            return null;
        }

        @Override
        public @Nullable Instant accrue(Posting.Accrue p) {
            return null;
        }

        @Override
        public Instant redeem(Posting.Redeem p) {
            return p.at();
        }

        @Override
        public @Nullable Instant adjust(Posting.Adjust p) {
            return p.points() < 0 ? p.at() : null;
        }

        @Override
        public @Nullable Instant reverse(Posting.Reverse p) {
            return null;
        }

        @Override
        public Instant transfer(Posting.Transfer p) {
            return p.at();
        }
    };

    private final Program program;
    private final LedgerStore store;
    private final MemberRepository members;
    private final Clock clock;
    private final Earner earner;
    private final List<LoyaltyEventListener> listeners;
    private final Accounts accounts;
    private final TierRules tiers;
    private final Batches batches;
    private final Statements statements;
    private final Expiries expiries;
    /** The reason of each kind's earnings, made once: one string kept by every entry rather than one each. */
    private final Map<TouchpointKind, String> reasons = new ConcurrentHashMap<>();

    private Ledger(Builder b) {
        this.program = b.program;
        this.store = b.store;
        this.members = b.members;
        this.clock = b.clock;
        this.earner = new Earner(program, b.facts);
        this.listeners = List.copyOf(b.listeners);
        this.accounts = new Accounts(program, store, members);
        this.tiers = new TierRules(program, members, accounts, clock, this::publish);
        this.batches = new Batches(this, accounts, store);
        this.statements = new Statements(program, accounts, tiers, clock);
        this.expiries = new Expiries(program);
    }

    /**
     * Starts a ledger for a program, by default over in-memory stores, the system clock in UTC and the installed
     * fact catalog (for eligibility rules).
     *
     * @param program the program
     * @return a builder
     */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** {@return the program} */
    public Program program() {
        return program;
    }

    /** {@return the member repository} */
    public MemberRepository members() {
        return members;
    }

    /**
     * Finds the entry a member's posting was stored under.
     *
     * @param number the member
     * @param key the posting's idempotency key
     * @return the entry, or empty when nothing was posted under the key
     */
    public Optional<LedgerEntry> entry(MemberNumber number, IdempotencyKey key) {
        return store.findByKey(Objects.requireNonNull(number, "number"), Objects.requireNonNull(key, "key"));
    }

    /** {@return the ledger store} */
    LedgerStore store() {
        return store;
    }

    /** {@return the clock} */
    Clock clock() {
        return clock;
    }

    /** Drops what this ledger remembers of a member whose entries were deleted behind it. */
    void forget(MemberNumber number) {
        accounts.forget(number);
    }

    /**
     * Enrolls a customer at the lowest tier, now.
     *
     * @param number the new member number
     * @param customerId the customer
     * @return the stored member
     * @throws DuplicateException when the customer is already a member of the program
     * @throws VersionConflictException when the number is taken
     */
    public Member enroll(MemberNumber number, CustomerId customerId) {
        Optional<Member> existing = members.findByCustomer(program.id(), customerId);
        if (existing.isPresent()) {
            throw new DuplicateException("customer " + customerId + " is already member " + existing.get().number()
                    + " of program " + program.id());
        }
        Member enrolled = members.save(Member.enroll(number, program.id(), customerId, clock.instant(),
                program.tiers().get(0).name()));
        accounts.remember(enrolled);
        publish(new LoyaltyEvent.TierChanged(number, enrolled.tierHistory().get(0), 1));
        return enrolled;
    }

    /**
     * Posts a change to a member's ledger, once: posting the same idempotency key again returns the entry made the
     * first time and changes nothing.
     *
     * @param posting the posting
     * @return the entry
     * @throws NotFoundException when the member, or the entry to reverse, does not exist
     * @throws IdempotencyConflictException when the key was used with a different payload
     * @throws RuleViolationException when the posting breaks a rule: a suspended member earning, a redemption the
     *         balance does not cover, a second reversal of one entry
     */
    public LedgerEntry post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        if (posting instanceof Posting.Transfer t) { // the one posting that writes to a second ledger
            requireReceiverCanTake(t);
            LedgerEntry debit = postToOwnLedger(t);
            credit(t, (LedgerEntry.Adjustment) debit);
            return debit;
        }
        return postToOwnLedger(posting);
    }

    /** Writes the posting's entry to its member's ledger, once. */
    private LedgerEntry postToOwnLedger(Posting posting) {
        Instant spending = spendingAt(posting);
        if (spending != null) {
            // Points past their expiry are gone whether or not the sweep has run: sweep them before spending.
            expire(posting.member(), spending);
        }
        IdempotencyKey key = posting.key(); // made once: an earning's key is made from its touchpoint
        LedgerEntry entry = write(posting.member(), key, (e, account) -> Payloads.same(posting, e, account),
                (member, account, seq) -> decide(posting, key, member, account, seq));
        return Objects.requireNonNull(entry);
    }

    /** Before the giver's debit: the receiver is an active member whose ledger holds the key for no other entry. */
    private void requireReceiverCanTake(Posting.Transfer t) {
        requireActive(accounts.member(t.to()), "receive a transfer");
        Optional<LedgerEntry> held = store.findByKey(t.to(), t.key());
        if (held.isPresent() && !sameCredit(t, held.get())) {
            throw new IdempotencyConflictException("idempotency key " + t.key() + " of member " + t.to()
                    + " was used by entry " + held.get().sequence() + ", not by a transfer from " + t.member());
        }
    }

    private static boolean sameCredit(Posting.Transfer t, LedgerEntry e) {
        return e instanceof LedgerEntry.Adjustment a && a.points() == t.points() && a.at().equals(t.at())
                && a.stamp().reason().equals(t.reason()) && a.stamp().source().equals(Source.member(t.member()));
    }

    /**
     * The receiver's side of a transfer, once: a lot expiring with the soonest of the giver's lots it came from.
     * A transfer interrupted after the debit completes when posted again with the same key.
     */
    private void credit(Posting.Transfer t, LedgerEntry.Adjustment debit) {
        LocalDate expires = null;
        for (LotDraw d : debit.draws()) {
            LocalDate lot = store.entries(t.member(), d.lot() - 1, 1).get(0).expiresOn();
            if (lot != null && (expires == null || lot.isBefore(expires))) {
                expires = lot;
            }
        }
        LocalDate expiresOn = expires;
        write(t.to(), t.key(), (e, account) -> sameCredit(t, e), (member, account, seq) -> {
            requireActive(member, "receive a transfer");
            return new LedgerEntry.Adjustment(new LedgerEntry.Stamp(t.to(), seq, t.key(), t.at(), t.reason(),
                    Source.member(t.member())), t.points(), expiresOn, account.settle(t.points()));
        });
    }

    /**
     * Posts many changes, as an import or a nightly run does: each exactly as {@link #post} would, so each is
     * idempotent by its key and a batch run again posts nothing twice. A posting that is refused (a rule broken,
     * an unknown member, a key reused with another payload) is reported by its position and does not stop the
     * others, so a batch of 100,000 is not lost to one bad line. Each member's postings apply in their order;
     * over a store that {@link LedgerStore#appendsBatches() appends batches}, credits of many members are decided
     * together and appended in one write per round, which ends as posting one by one would.
     *
     * @param postings the postings, in the order to apply them
     * @return each posting's entry or refusal, by position
     */
    public BatchResult postAll(List<Posting> postings) {
        Objects.requireNonNull(postings, "postings");
        for (int i = 0; i < postings.size(); i++) {
            Objects.requireNonNull(postings.get(i), "postings[" + i + "]");
        }
        Map<Integer, LedgerEntry> entries = new HashMap<>();
        Map<Integer, CrmException> refusals = new HashMap<>();
        for (int from = 0; from < postings.size(); from += Batches.SLICE) {
            int to = Math.min(postings.size(), from + Batches.SLICE);
            if (store.appendsBatches()) {
                batches.post(postings, from, to, entries, refusals);
            } else {
                for (int i = from; i < to; i++) {
                    batches.one(postings, i, entries, refusals);
                }
            }
        }
        return new BatchResult(entries, refusals);
    }

    /** {@return when a posting spends points (a redemption, a negative adjustment), or null when it does not} */
    private static @Nullable Instant spendingAt(Posting posting) {
        return posting.accept(SPENDING_AT);
    }

    /**
     * The balance, in constant time.
     *
     * @param number the member
     * @return the balance
     */
    public long balance(MemberNumber number) {
        Account a = accounts.current(number);
        synchronized (a) {
            return a.balance;
        }
    }

    /**
     * Where a member stands now.
     *
     * @param number the member
     * @return the standing
     */
    public MemberStanding standing(MemberNumber number) {
        return standing(accounts.member(number), clock.instant());
    }

    private MemberStanding standing(Member member, Instant at) {
        Account a = accounts.current(member.number());
        synchronized (a) {
            return new MemberStanding(member.number(), program.id(), member.tier(), member.status(), a.balance,
                    a.pendingPoints, tiers.qualification(a, at));
        }
    }

    /**
     * The benefits of a member's current tier (C1: skip the counter; C12: lounge).
     *
     * @param number the member
     * @return the benefit codes
     */
    public Set<String> benefits(MemberNumber number) {
        return program.benefits(accounts.member(number).tier());
    }

    /**
     * A member's entries.
     *
     * @param number the member
     * @return every entry in sequence order
     */
    public List<LedgerEntry> entries(MemberNumber number) {
        return accounts.entries(number);
    }

    /**
     * A member's open lots, oldest first. Their points add up to the balance.
     *
     * @param number the member
     * @return the lots
     */
    public List<Lot> lots(MemberNumber number) {
        Account a = accounts.current(number);
        synchronized (a) {
            return a.snapshot();
        }
    }

    /**
     * Tells listeners of a member's points that expire within the program's notice period
     * ({@link Program#expiryNoticeDays()}) from the day of {@code now}: one {@link LoyaltyEvent.PointsExpiring} per
     * lot. At least once: a later run tells again of the lots still due, with the same event id.
     *
     * @param number the member
     * @param now the instant of the run
     * @return the notices told, soonest first; none when the program gives no notice
     */
    public List<LoyaltyEvent.PointsExpiring> noticeExpiring(MemberNumber number, Instant now) {
        List<LoyaltyEvent.PointsExpiring> told = expiries.notices(number, () -> lots(number), now);
        told.forEach(this::publish);
        return told;
    }

    /**
     * Expires a member's points that are due on the day of {@code now}, lot by lot. Idempotent: a second run on the
     * same day returns the first run's entry.
     *
     * @param number the member
     * @param now the instant of the run
     * @return the expiry entry, or empty when nothing was due
     */
    public Optional<LedgerEntry> expire(MemberNumber number, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, program.zone());
        IdempotencyKey key = new IdempotencyKey("expiry:" + day);
        return Optional.ofNullable(write(number, key, (e, account) -> e instanceof LedgerEntry.Expiry,
                (member, account, seq) -> expiries.expiry(account, seq, key, now, day)));
    }

    /**
     * Runs {@link #expire} for every member of the program.
     *
     * @param now the instant of the run
     * @return the number of members whose points expired
     */
    public long expireAll(Instant now) {
        return accounts.everyMember().filter(n -> expire(n, now).isPresent()).count();
    }

    /**
     * Posts a member's pending points that are due by {@code now}. Idempotent.
     *
     * @param number the member
     * @param now the instant of the run
     * @return the accruals posted, oldest first; empty when none was due
     */
    public List<LedgerEntry> releasePending(MemberNumber number, Instant now) {
        List<LedgerEntry.Pending> due = new ArrayList<>();
        Account a = accounts.current(number);
        synchronized (a) {
            for (LedgerEntry.Pending p : a.pending.values()) {
                if (!p.postsAt().isAfter(now)) {
                    due.add(p);
                }
            }
        }
        List<LedgerEntry> posted = new ArrayList<>();
        for (LedgerEntry.Pending p : due) {
            IdempotencyKey key = new IdempotencyKey("posted:" + p.sequence());
            LedgerEntry e = write(number, key, (x, account) -> x instanceof LedgerEntry.Accrual acc
                            && p.key().equals(acc.releases()),
                    (member, account, seq) -> account.pending.containsKey(p.key())
                            ? accrual(new LedgerEntry.Stamp(number, seq, key, p.postsAt(), p.stamp().reason(),
                                    p.stamp().source()), p.points(), p.qualifyingPoints(), p.spend(), p.activities(),
                                    p.awards(), p.key(), null, account)
                            : null);
            if (e != null) {
                posted.add(e);
            }
        }
        return posted;
    }

    /**
     * Reviews a member's tier at the end of the last completed qualification period before {@code now}: when the
     * period's counts no longer support the tier, lowers it to the tier they support, or by one level under soft
     * landing. A calendar-year period is reviewed on 1 January; a rolling period at the start of each month, once
     * the tier has been held twelve months. Idempotent.
     *
     * @param number the member
     * @param now the instant of the review
     * @return the change made, or empty when the tier stands
     */
    public Optional<TierChange> review(MemberNumber number, Instant now) {
        return tiers.review(number, now);
    }

    /**
     * Sets a member's tier by hand, as an agent decides (a retention offer, a correction): recorded in the tier
     * history with reason {@link TierChange.Reason#MANUAL}, the words given and who, and optionally locked there.
     * While locked, qualifying, period reviews and reversals leave the tier alone; {@link #releaseTierLock} ends it.
     * Assigning without a lock releases any lock the member had.
     *
     * @param number the member
     * @param tier one of the program's tiers
     * @param reason why, in words
     * @param by the agent
     * @param lock whether to hold the tier until released
     * @return the stored member
     * @throws RuleViolationException when the program has no such tier
     */
    public Member assignTier(MemberNumber number, String tier, String reason, StaffId by, boolean lock) {
        return tiers.assignTier(number, tier, reason, by, lock);
    }

    /**
     * Releases the lock an agent put on a member's tier; the next qualification or review decides again.
     *
     * @param number the member
     * @return the stored member, unchanged when it had no lock
     */
    public Member releaseTierLock(MemberNumber number) {
        return tiers.releaseTierLock(number);
    }

    /**
     * Runs {@link #review} for every member of the program.
     *
     * @param now the instant of the review
     * @return the number of members whose tier was lowered
     */
    public long reviewAll(Instant now) {
        return accounts.everyMember().filter(n -> review(n, now).isPresent()).count();
    }

    /**
     * How far a member is from the next tier at an instant.
     *
     * @param number the member
     * @param at the instant
     * @return the progress
     */
    public TierProgress progress(MemberNumber number, Instant at) {
        return tiers.progress(number, at);
    }

    /**
     * A member's statement for the days {@code from} to {@code to}, both included, in the program's zone.
     *
     * @param number the member
     * @param from the first day
     * @param to the last day
     * @return the statement
     */
    public Statement statement(MemberNumber number, LocalDate from, LocalDate to) {
        return statements.statement(number, from, to);
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** Tells every listener; one that throws is logged and never undoes the change or silences the others. */
    private void publish(LoyaltyEvent event) {
        for (LoyaltyEventListener l : listeners) {
            try {
                l.on(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "loyalty event listener " + l + " failed on " + event.id(), e);
            }
        }
    }

    // ---- posting ----------------------------------------------------------------------------------------------

    /** Decides the entry for a posting against the account; null when there is nothing to post. */
    @FunctionalInterface
    private interface Decision {
        @Nullable LedgerEntry decide(Member member, Account account, long sequence);
    }

    /**
     * Writes the entry decided for a key, once. The key is looked up only when the decision is refused or the
     * store refuses the key (a replay): a replay returns its first entry whatever would be decided now, and a
     * first posting pays no lookup.
     */
    private @Nullable LedgerEntry write(MemberNumber number, IdempotencyKey key,
            BiPredicate<LedgerEntry, Account> samePayload, Decision decision) {
        for (int attempt = 0; ; attempt++) {
            Member member = accounts.member(number);
            Account account = accounts.account(number);
            LedgerEntry entry;
            synchronized (account) {
                try {
                    entry = decision.decide(member, account, account.lastSequence + 1);
                    if (entry == null) {
                        return replayed(number, key, account, samePayload); // nothing new; perhaps done before
                    }
                    requireNoOverflow(account, entry);
                } catch (CrmException refused) {
                    LedgerEntry first = replayed(number, key, account, samePayload);
                    if (first != null) {
                        return first;
                    }
                    throw refused;
                }
                try {
                    store.append(entry);
                } catch (VersionConflictException | DuplicateException e) {
                    // Another writer got there first: read what it wrote, which may be this very posting (another
                    // node replaying it), and decide afresh.
                    accounts.catchUp(account);
                    LedgerEntry first = replayed(number, key, account, samePayload);
                    if (first != null) {
                        return first;
                    }
                    if (attempt >= RETRIES) {
                        throw e;
                    }
                    continue;
                }
                account.apply(entry);
            }
            afterWrite(member, account, entry);
            return entry;
        }
    }

    /**
     * The entry a key was used for, when the posting is a replay of it; null when the key is unused.
     *
     * @throws IdempotencyConflictException when the key was used with a different payload
     */
    private @Nullable LedgerEntry replayed(MemberNumber number, IdempotencyKey key, Account account,
                                           BiPredicate<LedgerEntry, Account> samePayload) {
        LedgerEntry existing = account.entry(key);
        if (existing == null) {
            return null;
        }
        if (existing.sequence() > account.lastSequence) {
            accounts.catchUp(account); // another node used the key; judge the replay on its state
        }
        if (samePayload.test(existing, account)) {
            return existing;
        }
        throw new IdempotencyConflictException("idempotency key " + key + " of member " + number
                + " was used by entry " + existing.sequence() + " with a different payload");
    }

    /** What follows a stored entry, outside the account's lock: its event, and the tier rules it may move. */
    void afterWrite(Member member, Account account, LedgerEntry entry) {
        if (!listeners.isEmpty()) {
            publish(LoyaltyEvent.of(entry));
        }
        if (entry instanceof LedgerEntry.Accrual a) {
            tiers.upgrade(member, account, a);
        } else if (entry instanceof LedgerEntry.Reversal r && program.tierOnReversal() == TierOnReversal.IMMEDIATE) {
            tiers.fallAfterReversal(member, account, r);
        }
    }

    /** Balances are longs: a posting that would wrap one past its range is refused, not stored. */
    static void requireNoOverflow(Account account, LedgerEntry entry) {
        long delta = entry.delta();
        long pendingDelta = entry instanceof LedgerEntry.Pending p ? p.points() : 0;
        boolean balanceWraps = delta > 0 ? account.balance > Long.MAX_VALUE - delta
                : account.balance < Long.MIN_VALUE - delta;
        if (balanceWraps || account.pendingPoints > Long.MAX_VALUE - pendingDelta) {
            throw new RuleViolationException("posting " + entry.key() + " would take the " + (balanceWraps
                    ? "balance" : "pending points") + " of " + account.member + " past " + Long.MAX_VALUE
                    + ": balance " + account.balance + ", pending " + account.pendingPoints + ", posting "
                    + (balanceWraps ? delta : pendingDelta));
        }
    }

    LedgerEntry decide(Posting posting, IdempotencyKey key, Member member, Account account, long seq) {
        MemberNumber number = member.number();
        return posting.accept(new Posting.Visitor<LedgerEntry>() {
            @Override
            public LedgerEntry earn(Posting.Earn earn) {
                requireActive(member, "earn");
                Subject subject = earn.subject();
                if (subject != null && subject.attachment(MemberStanding.class).isEmpty()) {
                    subject = subject.with(MemberStanding.class, new MemberStanding(number, program.id(),
                            member.tier(), member.status(), account.balance, account.pendingPoints,
                            tiers.qualification(account, earn.touchpoint().occurredAt())));
                }
                Earner.Earning e = earner.earn(earn.touchpoint(), subject, member.tier(), account);
                LedgerEntry.Stamp stamp = new LedgerEntry.Stamp(number, seq, key,
                        earn.touchpoint().occurredAt(), earnedOn(earn.touchpoint().kind()),
                        Source.touchpoint(earn.touchpoint().id().value()));
                if (earn.postsAt() != null && earn.postsAt().isAfter(clock.instant())) {
                    return new LedgerEntry.Pending(stamp, e.points(), e.qualifyingPoints(), e.spend(),
                            e.activities(), e.awards(), earn.postsAt(), Payloads.digest(earn));
                }
                return accrual(stamp, e.points(), e.qualifyingPoints(), e.spend(), e.activities(), e.awards(), null,
                        Payloads.digest(earn), account);
            }

            @Override
            public LedgerEntry accrue(Posting.Accrue p) {
                requireActive(member, "earn");
                return accrual(new LedgerEntry.Stamp(number, seq, p.key(), p.at(), p.reason(), p.source()),
                        p.points(), p.qualifying() ? p.points() : 0, BigDecimal.ZERO, 0, List.of(), null, null,
                        account);
            }

            @Override
            public LedgerEntry redeem(Posting.Redeem p) {
                requireActive(member, "redeem");
                if (p.reward() != null && program.reward(p.reward()).isEmpty()) {
                    throw new RuleViolationException("reward must be in the catalogue of " + program.id() + ": "
                            + p.reward());
                }
                if (account.balance < p.points()) {
                    throw new RuleViolationException("balance of " + number + " must cover the redemption: "
                            + account.balance + " < " + p.points());
                }
                return new LedgerEntry.Redemption(new LedgerEntry.Stamp(number, seq, p.key(), p.at(), p.reason(),
                        p.source()), p.points(), p.reward(), account.take(p.points(), 0));
            }

            @Override
            public LedgerEntry adjust(Posting.Adjust p) {
                LedgerEntry.Stamp stamp = new LedgerEntry.Stamp(number, seq, p.key(), p.at(), p.reason(),
                        p.source());
                if (p.points() > 0) {
                    return new LedgerEntry.Adjustment(stamp, p.points(), expiries.expiresOn(p.at()),
                            account.settle(p.points()));
                }
                if (account.balance + p.points() < 0) {
                    throw new RuleViolationException("adjustment must not take the balance of " + number
                            + " below zero: balance " + account.balance + ", adjustment " + p.points());
                }
                return new LedgerEntry.Adjustment(stamp, p.points(), null, account.take(-p.points(), 0));
            }

            @Override
            public LedgerEntry reverse(Posting.Reverse p) {
                return reversal(p, account, seq);
            }

            @Override
            public LedgerEntry transfer(Posting.Transfer p) {
                requireActive(member, "transfer");
                if (account.balance < p.points()) {
                    throw new RuleViolationException("balance of " + number + " must cover the transfer: "
                            + account.balance + " < " + p.points());
                }
                return new LedgerEntry.Adjustment(new LedgerEntry.Stamp(number, seq, p.key(), p.at(), p.reason(),
                        Source.member(p.to())), -p.points(), null, account.take(p.points(), 0));
            }
        });
    }

    private LedgerEntry reversal(Posting.Reverse p, Account account, long seq) {
        MemberNumber number = account.member;
        LedgerEntry original = account.entry(p.original());
        if (original == null) {
            throw new NotFoundException("ledger entry of member " + number + " with key", p.original());
        }
        IdempotencyKey released = account.releasedBy.get(original.key());
        if (released != null) {
            original = account.entry(released);
        }
        IdempotencyKey by = account.reversedBy.get(original.key());
        if (by != null) {
            throw new RuleViolationException("entry " + original.key() + " of member " + number
                    + " was already reversed by " + by);
        }
        LedgerEntry.Stamp stamp = new LedgerEntry.Stamp(number, seq, p.key(), p.at(), p.reason(), p.source());
        ReversalPolicy policy = program.reversalPolicy();
        if (original instanceof LedgerEntry.Accrual a) {
            List<LotDraw> draws = policy == ReversalPolicy.FORFEIT
                    ? account.takeFrom(a.sequence(), a.points())
                    : account.take(a.points(), a.sequence());
            long taken = 0;
            for (LotDraw d : draws) {
                taken -= d.points();
            }
            long delta = policy == ReversalPolicy.NEGATIVE_BALANCE ? -a.points() : -taken;
            return new LedgerEntry.Reversal(stamp, a.key(), delta, a.points() + delta, policy, a.qualifyingPoints(),
                    a.spend(), a.activities(), null, draws);
        }
        if (original instanceof LedgerEntry.Pending) {
            return new LedgerEntry.Reversal(stamp, original.key(), 0, 0, policy, 0, BigDecimal.ZERO, 0, null,
                    List.of());
        }
        if (original instanceof LedgerEntry.Redemption r) {
            return new LedgerEntry.Reversal(stamp, r.key(), r.points(), 0, policy, 0, BigDecimal.ZERO, 0,
                    expiries.expiresOn(p.at()), account.settle(r.points()));
        }
        throw new RuleViolationException("only accruals, pending points and redemptions can be reversed: entry "
                + original.key() + " of member " + number + " is " + kindOf(original));
    }

    private LedgerEntry.Accrual accrual(LedgerEntry.Stamp stamp, long points, long qualifying, BigDecimal spend,
            int activities, List<Award> awards, @Nullable IdempotencyKey releases, @Nullable String payload,
            Account account) {
        return new LedgerEntry.Accrual(stamp, points, qualifying, spend, activities, awards,
                expiries.expiresOn(stamp.at()), releases, account.settle(points), payload);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String earnedOn(TouchpointKind kind) {
        return reasons.computeIfAbsent(kind, k -> "earned on " + k);
    }

    private static void requireActive(Member member, String what) {
        if (!member.status().canEarnAndRedeem()) {
            throw new RuleViolationException("member " + member.number() + " must be active to " + what + ": "
                    + member.status());
        }
    }

    private static String kindOf(LedgerEntry e) {
        return e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Builds a {@link Ledger}. Not thread-safe. */
    public static final class Builder {
        private final Program program;
        private LedgerStore store = new InMemoryLedgerStore();
        private MemberRepository members = new InMemoryMemberRepository();
        private Clock clock = Clock.systemUTC();
        private FactCatalog facts = FactCatalog.installed();
        private final List<LoyaltyEventListener> listeners = new ArrayList<>();

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** @param value where entries are stored @return this builder */
        public Builder store(LedgerStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** @param value where members are stored @return this builder */
        public Builder members(MemberRepository value) {
            this.members = Objects.requireNonNull(value, "members");
            return this;
        }

        /** @param value the clock for enrollment and pending points @return this builder */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** @param value the facts eligibility rules may use @return this builder */
        public Builder facts(FactCatalog value) {
            this.facts = Objects.requireNonNull(value, "facts");
            return this;
        }

        /**
         * Compiles the program's eligibility rules.
         *
         * @return the ledger
         * @throws org.crmkit.core.InvalidDefinitionException when an eligibility rule does not compile
         */
        public Ledger build() {
            return new Ledger(this);
        }

        /**
         * Adds a listener, called after each change this ledger stores (not for a replayed posting).
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(LoyaltyEventListener value) {
            this.listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }
    }
}
