package org.crmkit.loyalty.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;

/**
 * A ledger's room for batches of postings over a store that appends batches: postings that only credit (accruals,
 * earnings, positive adjustments) are decided together and appended in one {@link LedgerStore#appendAll}, in
 * rounds that take the next posting of each member, so a member's postings still apply in order, each decided on
 * the tier the one before it left. A round's members are taken as last read or saved here: when the store checks
 * members' versions as it appends ({@link LedgerStore#checksVersionsIn}), with no read at all, otherwise after one
 * read of their versions (reading again only those that changed). Its keys are left to the store, which refuses
 * the whole round when one was used before. Everything else (spending, reversals, transfers, unknown members,
 * refusals) is posted one by one, as is a round that was refused (a replayed key, a concurrent writer, a member
 * changed elsewhere, whose members are then read again).
 */
final class Batches {
    /** The most postings whose members one round holds. */
    static final int SLICE = 500;

    private final Ledger ledger;
    private final Accounts accounts;
    private final LedgerStore store;
    /** Whether the store checks, as it appends, that members are as they were read: then no read checks first. */
    private final boolean membersChecked;

    Batches(Ledger ledger, Accounts accounts, LedgerStore store) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.store = store;
        this.membersChecked = accounts.checkedBy(store);
    }

    /** Posts postings {@code from} (inclusive) to {@code to} (exclusive), recording each entry or refusal. */
    void post(List<Posting> postings, int from, int to, Map<Integer, LedgerEntry> entries,
              Map<Integer, CrmException> refusals) {
        Map<MemberNumber, ArrayDeque<Integer>> queues = new LinkedHashMap<>();
        Set<MemberNumber> alone = new HashSet<>();
        for (int i = from; i < to; i++) {
            Posting p = postings.get(i);
            queues.computeIfAbsent(p.member(), m -> new ArrayDeque<>()).add(i);
            if (!creditsOnly(p)) {
                alone.add(p.member());
                if (p instanceof Posting.Transfer t) {
                    alone.add(t.to());
                }
            }
        }
        TreeSet<Integer> oneByOne = new TreeSet<>();
        for (MemberNumber m : alone) {
            ArrayDeque<Integer> q = queues.remove(m);
            if (q != null) {
                oneByOne.addAll(q);
            }
        }
        while (!queues.isEmpty()) {
            List<Integer> round = new ArrayList<>(queues.size());
            queues.values().removeIf(q -> {
                round.add(q.poll());
                return q.isEmpty();
            });
            round(postings, round, entries, refusals);
        }
        for (int i : oneByOne) {
            one(postings, i, entries, refusals);
        }
    }

    void one(List<Posting> postings, int i, Map<Integer, LedgerEntry> entries, Map<Integer, CrmException> refusals) {
        try {
            entries.put(i, ledger.post(postings.get(i)));
        } catch (CrmException e) {
            refusals.put(i, e);
        }
    }

    /** {@return true for a posting that only credits its member}: through the visitor, so a new kind must say */
    private static boolean creditsOnly(Posting p) {
        return p.accept(CREDITS_ONLY);
    }

    private static final Posting.Visitor<Boolean> CREDITS_ONLY = new Posting.Visitor<>() {
        @Override
        public Boolean earn(Posting.Earn p) {
            return true;
        }

        @Override
        public Boolean accrue(Posting.Accrue p) {
            return true;
        }

        @Override
        public Boolean redeem(Posting.Redeem p) {
            return false;
        }

        @Override
        public Boolean adjust(Posting.Adjust p) {
            return p.points() > 0;
        }

        @Override
        public Boolean reverse(Posting.Reverse p) {
            return false;
        }

        @Override
        public Boolean transfer(Posting.Transfer p) {
            return false;
        }
    };

    /** One posting of each of a round's members, decided together and appended at once. */
    private void round(List<Posting> postings, List<Integer> round, Map<Integer, LedgerEntry> entries,
                       Map<Integer, CrmException> refusals) {
        List<MemberNumber> numbers = new ArrayList<>(round.size());
        round.forEach(i -> numbers.add(postings.get(i).member()));
        List<Integer> later = new ArrayList<>();
        TreeMap<String, Account> locks = new TreeMap<>();
        List<Integer> together = new ArrayList<>();
        Map<MemberNumber, Member> found;
        try {
            found = membersChecked ? accounts.remembered(numbers) : accounts.members(numbers);
            for (int i : round) {
                MemberNumber m = postings.get(i).member();
                Member member = found.get(m);
                if (member == null || !member.programId().equals(ledger.program().id())) {
                    later.add(i);                 // post() words the refusal
                } else {
                    together.add(i);
                    locks.put(m.value(), accounts.account(m));
                }
            }
        } catch (CrmException unreachable) {
            round.forEach(i -> one(postings, i, entries, refusals)); // each reports the store's failure itself
            return;
        }
        List<LedgerEntry> decided = new ArrayList<>(together.size());
        List<Integer> positions = new ArrayList<>(together.size());
        boolean stored = inLocks(new ArrayList<>(locks.values()), 0, () -> {
            for (int i : together) {
                Posting p = postings.get(i);
                Account account = locks.get(p.member().value());
                try {
                    LedgerEntry e = ledger.decide(p, p.key(), found.get(p.member()), account,
                            account.lastSequence + 1);
                    Ledger.requireNoOverflow(account, e);
                    decided.add(e);
                    positions.add(i);
                } catch (CrmException refused) {
                    later.add(i);                 // or a replay, which returns its first entry: post() tells
                }
            }
            if (decided.isEmpty()) {
                return true;
            }
            try {
                if (membersChecked) {
                    Map<MemberNumber, Long> versions = new HashMap<>();
                    decided.forEach(e -> versions.put(e.member(), found.get(e.member()).version()));
                    store.appendAll(decided, versions);
                } else {
                    store.appendAll(decided);
                }
            } catch (VersionConflictException | DuplicateException beaten) {
                // Another writer appended first, or a key was used before (a batch run again): nothing of the
                // round is stored, and post() decides each again, replays included.
                return false;
            } catch (CrmException failed) {
                return false;                     // nothing stored; one by one, each reports what befalls it
            }
            for (LedgerEntry e : decided) {       // one entry per member, each the next of its account
                locks.get(e.member().value()).apply(e);
            }
            return true;
        });
        if (!stored) {
            if (membersChecked) {
                refresh(numbers); // a member may have changed elsewhere: read it again for the rounds to come
            }
            positions.forEach(i -> one(postings, i, entries, refusals));
        } else {
            for (int k = 0; k < decided.size(); k++) {
                LedgerEntry e = decided.get(k);
                try {                             // as post() would: stored, but refused by what follows
                    ledger.afterWrite(found.get(e.member()), locks.get(e.member().value()), e);
                    entries.put(positions.get(k), e);
                } catch (CrmException after) {
                    refusals.put(positions.get(k), after);
                }
            }
        }
        if (membersChecked && !later.isEmpty()) {
            // Refused on members as remembered (suspended, say): read them again, in case they changed elsewhere.
            refresh(later.stream().map(i -> postings.get(i).member()).toList());
        }
        later.forEach(i -> one(postings, i, entries, refusals));
    }

    private void refresh(List<MemberNumber> numbers) {
        try {
            accounts.members(numbers);
        } catch (CrmException unreachable) {
            // the postings one by one report the store's failure themselves
        }
    }

    /** Runs the work holding every account's lock, taken in member order so that two rounds cannot deadlock. */
    private static boolean inLocks(List<Account> locked, int i, BooleanSupplier work) {
        if (i == locked.size()) {
            return work.getAsBoolean();
        }
        synchronized (locked.get(i)) {
            return inLocks(locked, i + 1, work);
        }
    }
}
