package org.crmkit.loyalty.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.crmkit.core.RuleViolationException;
import org.crmkit.loyalty.ledger.Award;
import org.crmkit.loyalty.ledger.IdempotencyKey;
import org.crmkit.loyalty.ledger.LedgerEntry;
import org.crmkit.loyalty.ledger.LotDraw;
import org.crmkit.loyalty.ledger.Source;
import org.crmkit.loyalty.member.MemberNumber;
import org.crmkit.loyalty.program.ReversalPolicy;

/**
 * The in-memory store keeps entries as bytes: every entry of every kind it accepts reads back equal, whatever its
 * texts (accents, characters beyond the first 65,536, line breaks), decimals (past a long's range, any scale),
 * optional fields and list lengths, and wherever its bytes fall in the log.
 */
class InMemoryLedgerStoreRoundTripProperties {
    private static final MemberNumber M = MemberNumber.of("RT-1");

    /** The fields of one entry but its place in the journal; {@code kind} picks which record. */
    record Shape(int kind, Common common, Numbers numbers, Extras extras) {
    }

    record Common(String keySuffix, Instant at, String reason, Source source) {
    }

    record Numbers(long points, long other, BigDecimal spend, int activities, ReversalPolicy policy) {
    }

    record Extras(List<Award> awards, List<LotDraw> draws, LocalDate day, boolean hasDay, String text,
            boolean hasText) {
    }

    @Provide
    Arbitrary<List<Shape>> journals() {
        Arbitrary<Common> common = Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ._:@/+-").ofMaxLength(30),
                Combinators.combine(Arbitraries.longs().between(-100_000_000_000L, 100_000_000_000L),
                        Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond),
                Arbitraries.strings().withCharRange('a', 'z').withChars(" éñ€中\n\t").ofMaxLength(480)
                        .flatMap(s -> Arbitraries.of("", "😀", "𝄞 clef").map(tail -> "r" + s + tail)),
                Combinators.combine(Arbitraries.of(Source.Kind.class),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)).as(Source::new))
                .as(Common::new);
        Arbitrary<BigDecimal> spend = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)),
                Arbitraries.integers().between(0, 12)).as(BigDecimal::new);
        Arbitrary<Numbers> numbers = Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE - 1),
                Arbitraries.longs().between(0, Long.MAX_VALUE), spend, Arbitraries.integers().between(0, 1_000),
                Arbitraries.of(ReversalPolicy.class)).as(Numbers::new);
        Arbitrary<Award> award = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                .ofMaxLength(12), Arbitraries.longs().between(1, 1_000_000_000_000L), Arbitraries.of(true, false))
                .as(Award::new);
        Arbitrary<LotDraw> draw = Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE - 1),
                Arbitraries.longs().between(-1_000_000, 1_000_000).filter(p -> p != 0)).as(LotDraw::new);
        Arbitrary<Extras> extras = Combinators.combine(award.list().ofMaxSize(4), draw.list().ofMaxSize(6),
                Arbitraries.longs().between(-3_000_000, 3_000_000).map(LocalDate::ofEpochDay),
                Arbitraries.of(true, false), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1)
                        .ofMaxLength(20), Arbitraries.of(true, false)).as(Extras::new);
        return Combinators.combine(Arbitraries.integers().between(0, 5), common, numbers, extras).as(Shape::new)
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void everyEntryReadsBackEqual(@ForAll("journals") List<Shape> shapes) {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        List<LedgerEntry> written = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            LedgerEntry e = entry(i + 1, shapes.get(i));
            store.append(e);
            written.add(e);
            assertEquals(e, store.findByKey(M, e.key()).orElseThrow());
        }
        assertEquals(written, store.entries(M, 0, 10_000));
    }

    @Example
    void entriesRunningAcrossChunksReadBackEqual() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        String reason = "r" + "€中😀".repeat(120); // about 1,200 bytes: a chunk of the log is 1 MiB
        List<LedgerEntry> written = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            LedgerEntry e = new LedgerEntry.Redemption(new LedgerEntry.Stamp(M, i, IdempotencyKey.of("k" + i),
                    Instant.EPOCH, reason, Source.system("job")), i, null, List.of(new LotDraw(i, -i)));
            store.append(e);
            written.add(e);
        }
        assertEquals(written, store.entries(M, 0, 10_000));
        store.rewrite(M, written);
        assertEquals(written, store.entries(M, 0, 10_000));
    }

    @Example
    void halfASurrogatePairIsRefusedAtTheEntry() {
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> new LedgerEntry.Stamp(M, 1,
                IdempotencyKey.of("k"), Instant.EPOCH, "bad \uD83D reason", Source.system("job")));
        assertEquals("reason must not contain half a surrogate pair: U+D83D at 4", e.getMessage());
    }

    private static LedgerEntry entry(long seq, Shape s) {
        Common c = s.common();
        LedgerEntry.Stamp stamp = new LedgerEntry.Stamp(M, seq, IdempotencyKey.of("k" + seq + c.keySuffix()),
                c.at(), c.reason(), c.source());
        Numbers n = s.numbers();
        Extras x = s.extras();
        LocalDate day = x.hasDay() ? x.day() : null;
        String digest = x.hasText() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(x.text().repeat(16).substring(0, 16).getBytes(StandardCharsets.US_ASCII))
                : null;
        IdempotencyKey other = x.hasText() ? IdempotencyKey.of(x.text()) : null;
        long qualifying = n.other() % (n.points() + 1);
        return switch (s.kind()) {
            case 0 -> new LedgerEntry.Accrual(stamp, n.points(), qualifying, n.spend(), n.activities(), x.awards(),
                    day, other, x.draws(), digest);
            case 1 -> new LedgerEntry.Pending(stamp, n.points(), n.other(), n.spend(), n.activities(), x.awards(),
                    c.at().plusSeconds(n.activities()), digest);
            case 2 -> new LedgerEntry.Redemption(stamp, n.points(), x.hasText() ? x.text() : null, x.draws());
            case 3 -> new LedgerEntry.Expiry(stamp, n.points(), x.draws());
            case 4 -> new LedgerEntry.Adjustment(stamp, x.hasDay() ? n.points() : -n.points(), day, x.draws());
            default -> new LedgerEntry.Reversal(stamp, IdempotencyKey.of("o" + seq), n.other() - n.points() / 2,
                    n.other(), n.policy(), n.points(), n.spend(), n.activities(), day, x.draws());
        };
    }
}
