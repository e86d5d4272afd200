package org.crmkit.loyalty.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.crmkit.core.NotFoundException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.spi.Pages;
import org.crmkit.loyalty.member.Member;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.spi.LedgerStore;
import org.crmkit.loyalty.spi.MemberRepository;

/**
 * A ledger's room for its members and their accounts: each account folded once from the store's entries and
 * caught up with what other writers (other nodes) appended since. Thread-safe; an account is read and changed
 * holding its own lock.
 */
final class Accounts {
    private static final int PAGE = 10_000;

    private final Program program;
    private final Set<String> capped;
    private final LedgerStore store;
    private final MemberRepository members;
    private final Map<MemberNumber, Account> accounts = new ConcurrentHashMap<>();
    /** Members as last read, read again only when their stored version moved. */
    private final Map<MemberNumber, Member> known = new ConcurrentHashMap<>();

    Accounts(Program program, LedgerStore store, MemberRepository members) {
        this.program = program;
        this.capped = program.earningRules().stream().filter(r -> r.cap() > 0).map(EarningRule::id)
                .collect(Collectors.toUnmodifiableSet());
        this.store = store;
        this.members = members;
    }

    /** Drops what is remembered of a member whose entries were deleted behind the ledger. */
    void forget(MemberNumber number) {
        accounts.remove(number);
        known.remove(number);
    }

    /**
     * Several stored members at once: their versions are read, and only members whose version moved since they
     * were last read here are read again.
     *
     * @param numbers the member numbers
     * @return the members found, by number
     */
    Map<MemberNumber, Member> members(Collection<MemberNumber> numbers) {
        Map<MemberNumber, Long> versions = members.versions(numbers);
        return known(versions.keySet(), m -> m.version() == versions.get(m.number()));
    }

    /**
     * Several stored members at once, as last read or saved here; only members never read here are read.
     *
     * @param numbers the member numbers
     * @return the members found, by number
     */
    Map<MemberNumber, Member> remembered(Collection<MemberNumber> numbers) {
        return known(numbers, m -> true);
    }

    /** The members as known here where still current, the others read and kept. */
    private Map<MemberNumber, Member> known(Collection<MemberNumber> numbers, Predicate<Member> current) {
        Map<MemberNumber, Member> out = new HashMap<>();
        List<MemberNumber> read = new ArrayList<>();
        for (MemberNumber number : numbers) {
            Member m = known.get(number);
            if (m != null && current.test(m)) {
                out.put(number, m);
            } else {
                read.add(number);
            }
        }
        if (!read.isEmpty()) {
            members.findAllById(read).forEach((number, m) -> {
                known.put(number, m);
                out.put(number, m);
            });
        }
        return out;
    }

    /** {@return whether the store checks members' versions as it appends a batch} */
    boolean checkedBy(LedgerStore ledgerStore) {
        return ledgerStore.checksVersionsIn(members);
    }

    /** Keeps a member this ledger just saved, so that the next batch need not read it again. */
    void remember(Member saved) {
        known.put(saved.number(), saved);
    }

    /** {@return the stored member}, refused when there is none or it belongs to another program */
    Member member(MemberNumber number) {
        Objects.requireNonNull(number, "number");
        Member m = members.findById(number)
                .orElseThrow(() -> new NotFoundException("member", number));
        if (!m.programId().equals(program.id())) {
            throw new RuleViolationException("member " + number + " belongs to program " + m.programId() + ", not "
                    + program.id());
        }
        return m;
    }

    /** {@return the member's account, folded from the store on first use and kept} */
    Account account(MemberNumber number) {
        Objects.requireNonNull(number, "number");
        Account a = accounts.get(number);
        if (a != null) {
            return a;
        }
        Account loaded = new Account(number, program.zone(), capped, store);
        catchUp(loaded);
        Account raced = accounts.putIfAbsent(number, loaded);
        return raced == null ? loaded : raced;
    }

    /** The account with any entries other writers (other nodes) appended since it was last read. */
    Account current(MemberNumber number) {
        Account a = account(number);
        if (store.lastSequence(number) != a.lastSequence) {
            catchUp(a);
        }
        return a;
    }

    /** Applies to the account what other writers appended after it was last read. */
    void catchUp(Account account) {
        synchronized (account) {
            read(account.member, account.lastSequence, account::apply);
        }
    }

    /** {@return every entry of a member, in sequence order} */
    List<LedgerEntry> entries(MemberNumber number) {
        List<LedgerEntry> out = new ArrayList<>();
        read(Objects.requireNonNull(number, "number"), 0, out::add);
        return out;
    }

    /** Reads a member's entries after a sequence number from the store, page by page, in sequence order. */
    void read(MemberNumber number, long afterSequence, Consumer<LedgerEntry> action) {
        long after = afterSequence;
        while (true) {
            List<LedgerEntry> page = store.entries(number, after, PAGE);
            page.forEach(action);
            after += page.size();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** {@return the numbers of the program's members, read page by page} */
    Stream<MemberNumber> everyMember() {
        return Pages.stream(members::findAll).filter(m -> m.programId().equals(program.id())).map(Member::number);
    }
}
