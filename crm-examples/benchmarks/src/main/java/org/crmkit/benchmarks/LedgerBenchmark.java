package org.crmkit.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.Direction;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.Ledger;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.Posting;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.EarningRule;
import org.crmkit.loyalty.program.Program;
import org.crmkit.loyalty.program.Tier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Postings to the in-memory ledger over 100,000 members, one thread, so scores are per core. Each posting checks
 * its idempotency key, appends to the store, updates the member's lots and qualification counts and re-evaluates
 * the tier (upgrades happen during the run). {@code accrue} posts points directly; {@code earn} goes through the
 * earning rules for a purchase; {@code replay} re-posts a used key (the idempotent path); {@code balance} reads a
 * balance, for members holding {@code history} entries each, to show it does not grow with the history.
 * The ledger is rebuilt for each iteration so memory stays bounded, and collected once before the iteration is
 * measured, so that postings meet a ledger already tenured, as in a host that has been running.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@Threads(1)
public class LedgerBenchmark {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");

    /** How many members. */
    @Param("100000")
    public int members;

    /** Entries each member holds before the iteration starts. */
    @Param({"2", "50"})
    public int history;

    private Ledger ledger;
    private MemberNumber[] numbers;
    private Posting[] replays;
    private SplittableRandom random;
    private long next;

    /** The program: a point per dollar, a per-visit bonus, a gold multiplier, three tiers. */
    static Program program() {
        return Program.builder("bench", "Benchmark club", USD)
                .earningRules(EarningRule.perSpend("base", BigDecimal.ONE).qualifying(true).build(),
                        EarningRule.perTouchpoint("visit", TouchpointKind.PURCHASE, 5).build(),
                        EarningRule.multiplier("gold", new BigDecimal("1.5")).tiers("gold").build())
                .tiers(Tier.base("member"), Tier.base("silver").withQualifyingPoints(2_000),
                        Tier.base("gold", "lounge").withQualifyingPoints(10_000))
                .build();
    }

    /** Enrolls the members and gives each its history. */
    @Setup(Level.Iteration)
    public void setUp() {
        ledger = Ledger.builder(program()).clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC)).build();
        numbers = new MemberNumber[members];
        replays = new Posting[members];
        for (int i = 0; i < members; i++) {
            numbers[i] = MemberNumber.of("M" + (1_000_000 + i));
            ledger.enroll(numbers[i], CustomerId.of("c" + i));
            for (int h = 0; h < history; h++) {
                Posting p = new Posting.Accrue(numbers[i], IdempotencyKey.of("h" + h), 10, h % 2 == 0, T0,
                        "history", Source.system("bench"));
                ledger.post(p);
                replays[i] = p;
            }
        }
        random = new SplittableRandom(11);
        System.gc(); // else the iteration's first young collections copy the ledger just built, inside the measurement
    }

    /** {@return one accrual of qualifying points under a fresh key} */
    @Benchmark
    public LedgerEntry accrue() {
        MemberNumber m = numbers[random.nextInt(members)];
        return ledger.post(new Posting.Accrue(m, new IdempotencyKey("p" + next++), 1 + random.nextInt(100), true,
                T0, "purchase", Source.system("bench")));
    }

    /** {@return one purchase earning through the program's rules} */
    @Benchmark
    public LedgerEntry earn() {
        int i = random.nextInt(members);
        Touchpoint tp = Touchpoint.builder().id(new TouchpointId("t" + next++)).customerId(new CustomerId("c" + i))
                .occurredAt(T0).channel(Channel.COUNTER).direction(Direction.INBOUND).kind(TouchpointKind.PURCHASE)
                .amount(new Money(BigDecimal.valueOf(100 + random.nextInt(9_900), 2), USD)).build();
        return ledger.post(new Posting.Earn(numbers[i], tp, null));
    }

    /** {@return the first result of a posting offered again} */
    @Benchmark
    public LedgerEntry replay() {
        return ledger.post(replays[random.nextInt(members)]);
    }

    /** {@return a member's balance} */
    @Benchmark
    public long balance() {
        return ledger.balance(numbers[random.nextInt(members)]);
    }
}
