package org.crmkit.loyalty.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.common.MutableClock;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.RuleViolationException;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ExpiryPolicy;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.ReversalPolicy;
import org.crmkit.loyalty.program.Tier;

/**
 * Random sequences of accruals, redemptions, adjustments, reversals, expiry runs, replayed postings and an agent's
 * tier locks and releases, checked after every step against a small model of lots, balance, reversals and tier.
 */
class LedgerProperties {
    private static final List<String> TIERS = List.of("base", "silver", "gold");
    private static final long[] THRESHOLDS = {0, 500, 1500};

    sealed interface Step {
        int days();
    }

    record Accrue(long points, boolean qualifying, int days) implements Step {
    }

    record Redeem(long points, int days) implements Step {
    }

    record Adjust(long points, int days) implements Step {
    }

    record Reverse(int pick, int days) implements Step {
    }

    record Expire(int days) implements Step {
    }

    record Replay(int pick, int days) implements Step {
    }

    /** An agent sets the tier by hand and locks it there. */
    record Lock(int tier, int days) implements Step {
    }

    /** The agent's lock is released. */
    record Release(int days) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 45);
        Arbitrary<Step> step = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(1, 600), Arbitraries.of(true, false), days)
                        .as(Accrue::new),
                Combinators.combine(Arbitraries.longs().between(1, 700), days).as(Redeem::new),
                Combinators.combine(Arbitraries.longs().between(-300, 300).filter(p -> p != 0), days)
                        .as(Adjust::new),
                Combinators.combine(Arbitraries.integers().between(0, 1000), days).as(Reverse::new),
                days.map(Expire::new),
                Combinators.combine(Arbitraries.integers().between(0, 1000), days).as(Replay::new),
                Combinators.combine(Arbitraries.integers().between(0, TIERS.size() - 1), days).as(Lock::new),
                days.map(Release::new));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void ledgerAgreesWithModel(@ForAll("steps") List<Step> steps, @ForAll ReversalPolicy policy) {
        Program program = Program.builder("prop", "Property program", Books.USD).reversalPolicy(policy)
                .expiry(ExpiryPolicy.afterEarning(6, ExpiryPolicy.RoundTo.EXACT))
                .tiers(Tier.base("base"), Tier.base("silver").withQualifyingPoints(THRESHOLDS[1]),
                        Tier.base("gold").withQualifyingPoints(THRESHOLDS[2]))
                .build();
        MutableClock clock = MutableClock.at(Books.JAN_2026);
        Ledger ledger = Books.ledger(program, clock);
        MemberNumber m = Books.enroll(ledger, "PROP-1");
        Model model = new Model(policy);
        List<Posting> posted = new ArrayList<>();
        Map<Posting, LedgerEntry> results = new HashMap<>();
        Instant now = Books.JAN_2026;
        int n = 0;
        for (Step step : steps) {
            now = now.plus(Duration.ofDays(step.days()));
            clock.set(now);
            LocalDate day = LocalDate.ofInstant(now, Books.UTC);
            String key = "k" + n++;
            if (step instanceof Accrue a) {
                Posting p = Books.accrue(m, key, a.points(), a.qualifying(), now);
                results.put(p, ledger.post(p));
                posted.add(p);
                model.credit(a.points(), day);
                model.qualify(day.getYear(), a.qualifying() ? a.points() : 0);
                model.entries.put(key, new long[] {model.seq, a.points(), a.qualifying() ? a.points() : 0,
                        day.getYear(), 0});
            } else if (step instanceof Redeem r) {
                Posting p = Books.redeem(m, key, r.points(), now);
                model.sweepBeforeSpending(day); // points past their expiry are never spent
                if (model.balance() < r.points()) {
                    assertThrows(RuleViolationException.class, () -> ledger.post(p));
                } else {
                    results.put(p, ledger.post(p));
                    posted.add(p);
                    model.take(r.points(), 0, true);
                    model.seq++;
                    model.entries.put(key, new long[] {model.seq, r.points(), 0, 0, 1});
                }
            } else if (step instanceof Adjust j) {
                Posting p = new Posting.Adjust(m, IdempotencyKey.of(key), j.points(), now, "correction",
                        Source.agent("prop"));
                if (j.points() < 0) {
                    model.sweepBeforeSpending(day);
                }
                if (j.points() < 0 && model.balance() + j.points() < 0) {
                    assertThrows(RuleViolationException.class, () -> ledger.post(p));
                } else {
                    results.put(p, ledger.post(p));
                    posted.add(p);
                    if (j.points() > 0) {
                        model.credit(j.points(), day);
                    } else {
                        model.take(-j.points(), 0, true);
                        model.seq++;
                    }
                }
            } else if (step instanceof Reverse v) {
                List<String> candidates = model.entries.keySet().stream().sorted().toList();
                if (candidates.isEmpty()) {
                    continue;
                }
                String original = candidates.get(v.pick() % candidates.size());
                Posting p = Books.reverse(m, key, original, now);
                if (model.reversed.contains(original)) {
                    assertThrows(RuleViolationException.class, () -> ledger.post(p));
                } else {
                    results.put(p, ledger.post(p));
                    posted.add(p);
                    model.reverse(original, day);
                }
            } else if (step instanceof Expire) {
                Optional<LedgerEntry> e = ledger.expire(m, now);
                boolean expired = model.expire(day);
                assertEquals(expired || model.expiredOn.contains(day), e.isPresent(), "expiry on " + day);
                if (expired) {
                    model.expiredOn.add(day);
                }
            } else if (step instanceof Lock k) {
                ledger.assignTier(m, TIERS.get(k.tier()), "retention offer", StaffId.of("agent-1"), true);
                model.tier = k.tier();
                model.locked = true;
            } else if (step instanceof Release) {
                ledger.releaseTierLock(m);
                model.locked = false;
            } else if (step instanceof Replay r && !posted.isEmpty()) {
                Posting p = posted.get(r.pick() % posted.size());
                assertEquals(results.get(p), ledger.post(p), "replay of " + p.key());
            }
            check(ledger, m, model, policy);
        }
    }

    private static void check(Ledger ledger, MemberNumber m, Model model, ReversalPolicy policy) {
        long balance = ledger.balance(m);
        assertEquals(model.balance(), balance, "balance");
        List<LedgerEntry> entries = ledger.entries(m);
        assertEquals(model.seq, entries.size(), "entries");
        assertEquals(balance, entries.stream().mapToLong(LedgerEntry::delta).sum(), "sum of entries");
        assertEquals(balance, ledger.lots(m).stream().mapToLong(Lot::remaining).sum(), "sum of lots");
        Set<IdempotencyKey> keys = new HashSet<>();
        entries.forEach(e -> assertTrue(keys.add(e.key()), "key used twice: " + e.key()));
        if (policy != ReversalPolicy.NEGATIVE_BALANCE) {
            assertTrue(balance >= 0, "negative balance " + balance);
        }
        assertEquals(TIERS.get(model.tier), ledger.members().findById(m).orElseThrow().tier(), "tier");
        assertEquals(model.locked, ledger.members().findById(m).orElseThrow().tierLock().isPresent(), "tier lock");
    }

    /** Lots as {id, remaining, expiry epoch day}, a debt, reversals and qualifying points per year. */
    private static final class Model {
        final ReversalPolicy policy;
        final List<long[]> lots = new ArrayList<>();
        final Map<String, long[]> entries = new HashMap<>();
        final Set<String> reversed = new HashSet<>();
        final Map<Integer, Long> qualifying = new HashMap<>();
        final Set<LocalDate> expiredOn = new HashSet<>();
        long debt;
        long seq;
        int tier;
        boolean locked;

        Model(ReversalPolicy policy) {
            this.policy = policy;
        }

        long balance() {
            return lots.stream().mapToLong(l -> l[1]).sum() - debt;
        }

        void credit(long points, LocalDate day) {
            seq++;
            long settled = Math.min(debt, points);
            debt -= settled;
            if (points > settled) {
                lots.add(new long[] {seq, points - settled, day.plusMonths(6).toEpochDay()});
            }
        }

        void qualify(int year, long points) {
            long total = qualifying.merge(year, points, Long::sum);
            if (locked) {
                return; // an agent's lock holds the tier until released
            }
            for (int t = THRESHOLDS.length - 1; t > tier; t--) {
                if (points > 0 && total >= THRESHOLDS[t]) {
                    tier = t;
                    break;
                }
            }
        }

        /** Takes up to {@code points}, first from lot {@code first}, then oldest first when allowed. */
        long take(long points, long first, boolean others) {
            long left = points;
            for (long[] lot : lots) {
                if (lot[0] == first) {
                    long n = Math.min(left, lot[1]);
                    lot[1] -= n;
                    left -= n;
                }
            }
            if (others) {
                for (long[] lot : lots) {
                    long n = Math.min(left, lot[1]);
                    lot[1] -= n;
                    left -= n;
                }
            }
            lots.removeIf(l -> l[1] == 0);
            return points - left;
        }

        void reverse(String key, LocalDate day) {
            long[] e = entries.get(key);
            reversed.add(key);
            if (e[4] == 1) {
                credit(e[1], day);
                return;
            }
            long taken = take(e[1], e[0], policy != ReversalPolicy.FORFEIT);
            if (policy == ReversalPolicy.NEGATIVE_BALANCE) {
                debt += e[1] - taken;
            }
            qualifying.merge((int) e[3], -e[2], Long::sum);
            seq++;
        }

        void sweepBeforeSpending(LocalDate day) {
            if (expire(day)) {
                expiredOn.add(day);
            }
        }

        boolean expire(LocalDate day) {
            long due = lots.stream().filter(l -> l[2] <= day.toEpochDay()).count();
            if (due == 0) {
                return false;
            }
            lots.removeIf(l -> l[2] <= day.toEpochDay());
            seq++;
            return true;
        }
    }
}
