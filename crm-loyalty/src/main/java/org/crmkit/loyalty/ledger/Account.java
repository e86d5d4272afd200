package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.spi.LedgerStore;
import org.jspecify.annotations.Nullable;

/**
 * A member's ledger folded into the state decisions need: balance, open lots, reversals, pending points, earnings
 * under capped rules and monthly qualification counts. The same {@link #apply} builds it from stored entries and
 * keeps it current after each posting, so what is decided and what is stored cannot drift apart. Guarded by the
 * ledger's lock on the instance.
 */
final class Account {
    /** The expiry day of a lot that never expires: after every day, so such lots are spent last. */
    private static final long NEVER = Long.MAX_VALUE;
    private static final int LOT = 4;
    private static final int EARNED = 1;
    private static final int EXPIRES = 2;
    private static final int REMAINING = 3;

    final MemberNumber member;
    private final ZoneId zone;
    private final LedgerStore store;
    long lastSequence;
    long balance;
    long pendingPoints;
    /*
     * What changes with every posting is kept in numbers, not in objects: an object stored into an old account
     * per posting is what a generational collector pays for most when many members post.
     */
    private boolean hasActivity;
    private long lastActivitySecond;
    private int lastActivityNano;
    /**
     * Open lots by ascending id, never a positive and a negative lot at once, four numbers each (id, day earned,
     * day it expires, points remaining) side by side in one array.
     */
    private long[] lotData = new long[2 * LOT];
    private int lots;
    final Map<IdempotencyKey, IdempotencyKey> reversedBy = new HashMap<>();
    final Map<IdempotencyKey, IdempotencyKey> releasedBy = new HashMap<>();
    final Map<IdempotencyKey, LedgerEntry.Pending> pending = new LinkedHashMap<>();
    /** The rules whose earnings are counted: those with a cap, the only ones a decision asks about. */
    private final Set<String> capped;
    /** Points earned per capped rule, each in a one-element array changed in place. */
    private final Map<String, long[]> earnedByRule = new HashMap<>();
    /** Months with counts, ascending; postings mostly land in the newest, so a list beats a tree here. */
    private final List<Bucket> months = new ArrayList<>();
    /** The newest month's bucket, where most postings land: reached without the list and its array. */
    private @Nullable Bucket newest;
    /** The day last asked about, as numbers: entries often share one, and a date object would be one more read. */
    private long lastEpochDay;
    private int lastMonth;
    private long lastDayStart;
    private long lastDayEnd;

    Account(MemberNumber member, ZoneId zone, Set<String> capped, LedgerStore store) {
        this.member = member;
        this.zone = zone;
        this.capped = capped;
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
            lotData[i * LOT + REMAINING] += d.points();
            if (remaining(i) == 0) {
                removeLot(i);
            }
        }
        long opened = e.opened();
        if (opened != 0) {
            LocalDate expires = e.expiresOn();
            addLot(e.sequence(), epochDay(e.at()), expires == null ? NEVER : expires.toEpochDay(), opened);
        }
        if (e instanceof LedgerEntry.Accrual a) {
            count(a.at(), a.qualifyingPoints(), a.spend(), a.activities(), 1);
            countAwards(a, 1);
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
                countAwards(a, -1);
            } else if (original instanceof LedgerEntry.Pending p && pending.remove(p.key()) != null) {
                pendingPoints -= p.points();
            }
        }
    }

    private void touch(Instant at) {
        long second = at.getEpochSecond();
        if (!hasActivity || second > lastActivitySecond
                || second == lastActivitySecond && at.getNano() > lastActivityNano) {
            hasActivity = true;
            lastActivitySecond = second;
            lastActivityNano = at.getNano();
        }
    }

    /** {@return the last accrual or redemption, or null when there was none} */
    @Nullable Instant lastActivity() {
        return hasActivity ? Instant.ofEpochSecond(lastActivitySecond, lastActivityNano) : null;
    }

    private void count(Instant at, long points, BigDecimal spend, int activities, int sign) {
        if (points == 0 && spend.signum() == 0 && activities == 0) {
            return;
        }
        Bucket b = bucket(month(at));
        b.points += sign * points;
        b.add(sign > 0 ? spend : spend.negate());
        b.activities += sign * activities;
    }

    private Bucket bucket(int month) {
        Bucket last = newest;
        if (last != null && last.month == month) {
            return last;
        }
        int n = months.size();
        int i = firstAtOrAfter(month);
        if (i < n && months.get(i).month == month) {
            return months.get(i);
        }
        Bucket b = new Bucket(month);
        months.add(i, b);
        newest = months.get(n);
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

    /** {@return the epoch day of an instant in the program's zone} */
    long epochDay(Instant at) {
        see(at);
        return lastEpochDay;
    }

    /** {@return the month index (see {@link #month(LocalDate)}) of an instant in the program's zone} */
    int month(Instant at) {
        see(at);
        return lastMonth;
    }

    /** Makes the day of an instant the last one asked about, unless it is already. */
    private void see(Instant at) {
        long epochSecond = at.getEpochSecond();
        if (epochSecond >= lastDayStart && epochSecond < lastDayEnd) {
            return; // an empty range at first, so the first instant is always seen
        }
        LocalDate d = LocalDate.ofInstant(at, zone);
        lastEpochDay = d.toEpochDay();
        lastMonth = month(d);
        lastDayStart = d.atStartOfDay(zone).toEpochSecond();
        lastDayEnd = d.plusDays(1).atStartOfDay(zone).toEpochSecond();
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
            spend = spend.add(b.spend());
            activities += b.activities;
        }
        return new Qualification(points, spend, activities);
    }

    private void countAwards(LedgerEntry.Accrual a, int sign) {
        if (capped.isEmpty()) {
            return;
        }
        for (Award w : a.awards()) {
            if (capped.contains(w.rule())) {
                earnedByRule.computeIfAbsent(w.rule(), k -> new long[1])[0] += sign * w.points();
            }
        }
    }

    /** {@return the points earned under a capped rule} */
    long earnedUnder(String rule) {
        long[] earned = earnedByRule.get(rule);
        return earned == null ? 0 : earned[0];
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
            if (i >= 0 && remaining(i) > 0) {
                long n = Math.min(left, remaining(i));
                draws.add(new LotDraw(firstLot, -n));
                left -= n;
            }
        }
        int[] order = spendingOrder();
        for (int k = 0; k < lots && left > 0; k++) {
            int i = order == null ? k : order[k];
            if (id(i) == firstLot || remaining(i) <= 0) {
                continue;
            }
            long n = Math.min(left, remaining(i));
            draws.add(new LotDraw(id(i), -n));
            left -= n;
        }
        if (draws.size() > 1) {
            draws.sort((x, y) -> Long.compare(x.lot(), y.lot()));
        }
        return draws;
    }

    /**
     * The open lots in spending order, soonest expiry first, then never-expiring, each by id: null when that is
     * the order they are kept in, as usual (lots opened in time order under one expiry policy).
     */
    private int @Nullable [] spendingOrder() {
        boolean ordered = true;
        for (int i = 1; i < lots && ordered; i++) {
            ordered = expires(i - 1) <= expires(i); // ids ascend already
        }
        if (ordered) {
            return null;
        }
        return IntStream.range(0, lots).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> expires(i)).thenComparingLong(i -> id(i)))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Plans taking up to {@code points} from one lot only. */
    List<LotDraw> takeFrom(long lotId, long points) {
        int i = find(lotId);
        if (i < 0 || remaining(i) <= 0 || points == 0) {
            return List.of();
        }
        return List.of(new LotDraw(lotId, -Math.min(points, remaining(i))));
    }

    /** Plans settling negative lots from a credit, oldest first. */
    List<LotDraw> settle(long credit) {
        if (lots == 0 || remaining(0) > 0) {
            return List.of();
        }
        List<LotDraw> draws = new ArrayList<>(1);
        long left = credit;
        for (int i = 0; i < lots && left > 0; i++) {
            long n = Math.min(left, -remaining(i));
            draws.add(new LotDraw(id(i), n));
            left -= n;
        }
        return draws;
    }

    /** {@return the open lots as snapshots, by ascending id} */
    List<Lot> snapshot() {
        List<Lot> out = new ArrayList<>(lots);
        for (int i = 0; i < lots; i++) {
            out.add(new Lot(id(i), LocalDate.ofEpochDay(lotData[i * LOT + EARNED]),
                    expires(i) == NEVER ? null : LocalDate.ofEpochDay(expires(i)), remaining(i)));
        }
        return out;
    }

    private void addLot(long id, long earnedDay, long expiresDay, long remaining) {
        int at = lots * LOT;
        if (at == lotData.length) {
            lotData = Arrays.copyOf(lotData, 2 * at);
        }
        lotData[at] = id;
        lotData[at + EARNED] = earnedDay;
        lotData[at + EXPIRES] = expiresDay;
        lotData[at + REMAINING] = remaining;
        lots++;
    }

    private void removeLot(int i) {
        System.arraycopy(lotData, (i + 1) * LOT, lotData, i * LOT, (lots - i - 1) * LOT);
        lots--;
    }

    private long id(int i) {
        return lotData[i * LOT];
    }

    private long expires(int i) {
        return lotData[i * LOT + EXPIRES];
    }

    private long remaining(int i) {
        return lotData[i * LOT + REMAINING];
    }

    /** {@return the index of the open lot with an id, or a negative number when none is open} */
    private int find(long id) {
        int lo = 0;
        int hi = lots - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = id(mid);
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

    /**
     * One month's qualification counts. Spend is summed as a long at one scale while it fits, so that adding to
     * it makes no object; a sum that outgrows that is kept as a decimal.
     */
    static final class Bucket {
        /** Sums stay below this, so that two of them add without overflow. */
        private static final long LIMIT = 1_000_000_000_000_000_000L;
        private static final long OVER = Long.MIN_VALUE;
        private static final long[] TENS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L};
        final int month;
        long points;
        long activities;
        private long spendUnscaled;
        private int spendScale;
        private @Nullable BigDecimal spendBeyond;

        Bucket(int month) {
            this.month = month;
        }

        /** Adds an amount; the sum's scale is the largest seen, as adding decimals to zero would give. */
        void add(BigDecimal amount) {
            if (spendBeyond == null && amount.scale() >= 0 && amount.scale() < TENS.length
                    && amount.precision() <= 18) {
                // Amounts come stripped of trailing zeros, so scales differ from posting to posting: align them.
                long a = amount.unscaledValue().longValue();
                int scale = Math.max(spendScale, amount.scale());
                long sum = aligned(spendUnscaled, scale - spendScale);
                a = aligned(a, scale - amount.scale());
                if (sum != OVER && a != OVER && Math.abs(sum + a) < LIMIT) {
                    spendUnscaled = sum + a;
                    spendScale = scale;
                    return;
                }
            }
            spendBeyond = spend().add(amount);
        }

        /** {@return the value times ten to the given power, or {@link #OVER} when past the limit} */
        private static long aligned(long value, int tens) {
            if (tens == 0) {
                return value;
            }
            if (tens >= TENS.length || Math.abs(value) >= LIMIT / TENS[tens]) {
                return OVER;
            }
            return value * TENS[tens];
        }

        BigDecimal spend() {
            return spendBeyond != null ? spendBeyond : BigDecimal.valueOf(spendUnscaled, spendScale);
        }
    }
}
