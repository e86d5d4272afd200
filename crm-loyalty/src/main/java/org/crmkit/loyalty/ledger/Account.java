package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * A member's ledger folded into the state decisions need: balance, open lots, keys seen, reversals, pending points,
 * earnings per rule and monthly qualification counts. The same {@link #apply} builds it from stored entries and
 * keeps it current after each posting, so what is decided and what is stored cannot drift apart. Guarded by the
 * ledger's lock on the instance.
 */
final class Account {
    final MemberNumber member;
    private final ZoneId zone;
    private final LedgerStore store;
    long lastSequence;
    long balance;
    long pendingPoints;
    @Nullable Instant lastActivity;
    /** Open lots by ascending id; never a positive and a negative lot at once. */
    final List<MutableLot> lots = new ArrayList<>();
    final Map<IdempotencyKey, IdempotencyKey> reversedBy = new HashMap<>();
    final Map<IdempotencyKey, IdempotencyKey> releasedBy = new HashMap<>();
    final Map<IdempotencyKey, LedgerEntry.Pending> pending = new LinkedHashMap<>();
    private final Map<String, Long> earnedByRule = new HashMap<>();
    /** Months with counts, ascending; postings mostly land in the newest, so a list beats a tree here. */
    private final List<Bucket> months = new ArrayList<>();
    private @Nullable LocalDate lastDay;
    private long lastDayStart;
    private long lastDayEnd;

    Account(MemberNumber member, ZoneId zone, LedgerStore store) {
        this.member = member;
        this.zone = zone;
        this.store = store;
    }

    /**
     * The stored entry with a key. The store's key index serves, rather than a copy here, so that an account holds
     * only what decisions need and sees keys other nodes used.
     */
    @Nullable LedgerEntry entry(IdempotencyKey key) {
        return store.findByKey(member, key).orElse(null);
    }

    /** Applies one entry, which must be the next in sequence. */
    void apply(LedgerEntry e) {
        lastSequence = e.sequence();
        balance += e.delta();
        List<LotDraw> draws = e.draws();
        for (int k = 0; k < draws.size(); k++) { // indexed: no iterator on every posting
            LotDraw d = draws.get(k);
            int i = indexOf(d.lot());
            MutableLot lot = lots.get(i);
            lot.remaining += d.points();
            if (lot.remaining == 0) {
                lots.remove(i);
            }
        }
        long opened = e.opened();
        if (opened != 0) {
            lots.add(new MutableLot(e.sequence(), day(e.at()), e.expiresOn(), opened));
        }
        if (e instanceof LedgerEntry.Accrual a) {
            count(a.at(), a.qualifyingPoints(), a.spend(), a.activities(), 1);
            for (Award w : a.awards()) {
                earnedByRule.merge(w.rule(), w.points(), Long::sum);
            }
            if (a.releases() != null) {
                LedgerEntry.Pending p = pending.remove(a.releases());
                if (p != null) {
                    pendingPoints -= p.points();
                }
                releasedBy.put(a.releases(), a.key());
            }
            touch(a.at());
        } else if (e instanceof LedgerEntry.Pending p) {
            pending.put(p.key(), p);
            pendingPoints += p.points();
        } else if (e instanceof LedgerEntry.Redemption r) {
            touch(r.at());
        } else if (e instanceof LedgerEntry.Reversal r) {
            reversedBy.put(r.original(), r.key());
            LedgerEntry original = entry(r.original());
            if (original instanceof LedgerEntry.Accrual a) {
                count(a.at(), r.qualifyingPoints(), r.spend(), r.activities(), -1);
                for (Award w : a.awards()) {
                    earnedByRule.merge(w.rule(), -w.points(), Long::sum);
                }
            } else if (original instanceof LedgerEntry.Pending p && pending.remove(p.key()) != null) {
                pendingPoints -= p.points();
            }
        }
    }

    private void touch(Instant at) {
        if (lastActivity == null || at.isAfter(lastActivity)) {
            lastActivity = at;
        }
    }

    private void count(Instant at, long points, BigDecimal spend, int activities, int sign) {
        if (points == 0 && spend.signum() == 0 && activities == 0) {
            return;
        }
        Bucket b = bucket(month(day(at)));
        b.points += sign * points;
        b.spend = sign > 0 ? b.spend.add(spend) : b.spend.subtract(spend);
        b.activities += sign * activities;
    }

    private Bucket bucket(int month) {
        int n = months.size();
        if (n > 0 && months.get(n - 1).month == month) {
            return months.get(n - 1);
        }
        int i = firstAtOrAfter(month);
        if (i < n && months.get(i).month == month) {
            return months.get(i);
        }
        Bucket b = new Bucket(month);
        months.add(i, b);
        return b;
    }

    /** {@return the index of the first bucket of {@code month} or later} */
    private int firstAtOrAfter(int month) {
        int lo = 0;
        int hi = months.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (months.get(mid).month < month) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The day of an instant in the program's zone; entries often share one, so the last answer is kept. */
    LocalDate day(Instant at) {
        long epochSecond = at.getEpochSecond();
        if (lastDay != null && epochSecond >= lastDayStart && epochSecond < lastDayEnd) {
            return lastDay;
        }
        LocalDate d = LocalDate.ofInstant(at, zone);
        lastDay = d;
        lastDayStart = d.atStartOfDay(zone).toEpochSecond();
        lastDayEnd = d.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return d;
    }

    /** {@return the month's index: year times 12 plus month, from 0} */
    static int month(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    /** Counts over the months {@code from} to {@code to}, both included. */
    Qualification qualification(int from, int to) {
        long points = 0;
        BigDecimal spend = BigDecimal.ZERO;
        long activities = 0;
        for (int i = firstAtOrAfter(from); i < months.size() && months.get(i).month <= to; i++) {
            Bucket b = months.get(i);
            points += b.points;
            spend = spend.add(b.spend);
            activities += b.activities;
        }
        return new Qualification(points, spend, activities);
    }

    long earnedUnder(String rule) {
        return earnedByRule.getOrDefault(rule, 0L);
    }

    /**
     * Plans taking points from positive lots, starting with one lot when named, then the lots that expire first
     * (lots that never expire last), oldest first among equals: spending the soonest-expiring points first loses
     * none needlessly.
     *
     * @return the draws, taking at most {@code points}
     */
    List<LotDraw> take(long points, long firstLot) {
        List<LotDraw> draws = new ArrayList<>(2);
        long left = points;
        if (firstLot > 0) {
            int i = find(firstLot);
            if (i >= 0 && lots.get(i).remaining > 0) {
                long n = Math.min(left, lots.get(i).remaining);
                draws.add(new LotDraw(firstLot, -n));
                left -= n;
            }
        }
        for (MutableLot lot : byExpiry()) {
            if (left <= 0) {
                break;
            }
            if (lot.id == firstLot || lot.remaining <= 0) {
                continue;
            }
            long n = Math.min(left, lot.remaining);
            draws.add(new LotDraw(lot.id, -n));
            left -= n;
        }
        if (draws.size() > 1) {
            draws.sort((x, y) -> Long.compare(x.lot(), y.lot()));
        }
        return draws;
    }

    /** {@return the open lots in spending order: soonest expiry first, then never-expiring, each by id} */
    private List<MutableLot> byExpiry() {
        boolean ordered = true;
        for (int i = 1; i < lots.size() && ordered; i++) {
            ordered = SPENDING_ORDER.compare(lots.get(i - 1), lots.get(i)) <= 0;
        }
        if (ordered) {
            return lots; // the usual case: lots opened in time order under one expiry policy
        }
        List<MutableLot> sorted = new ArrayList<>(lots);
        sorted.sort(SPENDING_ORDER);
        return sorted;
    }

    private static final Comparator<MutableLot> SPENDING_ORDER = Comparator
            .comparing((MutableLot l) -> l.expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(l -> l.id);

    /** Plans taking up to {@code points} from one lot only. */
    List<LotDraw> takeFrom(long lotId, long points) {
        int i = find(lotId);
        if (i < 0 || lots.get(i).remaining <= 0 || points == 0) {
            return List.of();
        }
        return List.of(new LotDraw(lotId, -Math.min(points, lots.get(i).remaining)));
    }

    /** Plans settling negative lots from a credit, oldest first. */
    List<LotDraw> settle(long credit) {
        if (lots.isEmpty() || lots.get(0).remaining > 0) {
            return List.of();
        }
        List<LotDraw> draws = new ArrayList<>(1);
        long left = credit;
        for (int i = 0; i < lots.size() && left > 0; i++) {
            long n = Math.min(left, -lots.get(i).remaining);
            draws.add(new LotDraw(lots.get(i).id, n));
            left -= n;
        }
        return draws;
    }

    /** {@return the open lots as snapshots} */
    List<Lot> snapshot() {
        List<Lot> out = new ArrayList<>(lots.size());
        for (MutableLot l : lots) {
            out.add(new Lot(l.id, l.earnedOn, l.expiresOn, l.remaining));
        }
        return out;
    }

    private int find(long id) {
        int lo = 0;
        int hi = lots.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = lots.get(mid).id;
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int indexOf(long id) {
        int i = find(id);
        if (i < 0) {
            throw new IllegalStateException("ledger of " + member + " draws on a lot that is not open: " + id);
        }
        return i;
    }

    /** A lot whose remaining points change as entries apply. */
    static final class MutableLot {
        final long id;
        final LocalDate earnedOn;
        final @Nullable LocalDate expiresOn;
        long remaining;

        MutableLot(long id, LocalDate earnedOn, @Nullable LocalDate expiresOn, long remaining) {
            this.id = id;
            this.earnedOn = earnedOn;
            this.expiresOn = expiresOn;
            this.remaining = remaining;
        }
    }

    /** One month's qualification counts. */
    private static final class Bucket {
        final int month;
        long points;
        BigDecimal spend = BigDecimal.ZERO;
        long activities;

        Bucket(int month) {
            this.month = month;
        }
    }
}
