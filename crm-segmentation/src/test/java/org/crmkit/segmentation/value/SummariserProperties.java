package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.customer.CustomerId;

/**
 * The streaming summariser, fed transactions in any order, gives what the textbook computation gives: per customer,
 * the distinct purchase days, the first and last of them, and the mean of the repeat days' totals.
 */
class SummariserProperties {
    private static final LocalDate CUTOFF = LocalDate.of(2026, 6, 30);

    @Provide
    Arbitrary<List<Transaction>> transactions() {
        Arbitrary<Transaction> one = Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(-400, 30), Arbitraries.integers().between(0, 100_000))
                .as((c, day, cents) -> new Transaction(CustomerId.of("c" + c), CUTOFF.plusDays(day),
                        BigDecimal.valueOf(cents, 2)));
        return one.list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void aShuffledStreamGivesTheTextbookSummaries(@ForAll("transactions") List<Transaction> transactions,
                                                  @ForAll long seed) {
        for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.WEEKS)) {
            List<Transaction> shuffled = new ArrayList<>(transactions);
            Collections.shuffle(shuffled, new Random(seed));
            RepeatSummary.Summariser summariser = RepeatSummary.summariser(CUTOFF, unit);
            shuffled.forEach(summariser);
            assertEquals(textbook(transactions, unit), summariser.summaries());
        }
    }

    /** Every customer's purchase days in a sorted map, as the summaries were first computed. */
    private static List<RepeatSummary> textbook(List<Transaction> transactions, ChronoUnit unit) {
        double days = unit.getDuration().getSeconds() / 86_400.0;
        Map<String, TreeMap<LocalDate, BigDecimal>> byCustomer = new TreeMap<>();
        for (Transaction t : transactions) {
            if (!t.date().isAfter(CUTOFF)) {
                byCustomer.computeIfAbsent(t.customerId().value(), k -> new TreeMap<>()).merge(t.date(), t.amount(),
                        BigDecimal::add);
            }
        }
        List<RepeatSummary> out = new ArrayList<>();
        byCustomer.forEach((id, purchaseDays) -> {
            int x = purchaseDays.size() - 1;
            BigDecimal repeat = purchaseDays.tailMap(purchaseDays.firstKey(), false).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            double mean = x == 0 ? 0 : repeat.divide(BigDecimal.valueOf(x), MathContext.DECIMAL64).doubleValue();
            out.add(new RepeatSummary(CustomerId.of(id), x,
                    ChronoUnit.DAYS.between(purchaseDays.firstKey(), purchaseDays.lastKey()) / days,
                    ChronoUnit.DAYS.between(purchaseDays.firstKey(), CUTOFF) / days, mean));
        });
        return out;
    }
}
