package org.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.crmkit.jdbc.WholeRuleDifferentialProperties;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.GroupedSummaries;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.Transaction;
import org.crmkit.segmentation.value.ValueScorer;
import org.junit.jupiter.api.Test;

/** The value job on Spark gives, customer by customer, the numbers memory gives from the same purchases. */
class SparkCustomerValueTest {
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void scoresAndDecilesOnSparkEqualThoseInMemory() {
        for (ZoneOffset offset : List.of(ZoneOffset.UTC, ZoneOffset.ofHours(13))) {
            SparkCustomerValue.Plan plan = new SparkCustomerValue.Plan(LocalDate.of(2025, 9, 30), ChronoUnit.WEEKS,
                    offset, USD, 52, 12, 0.01);
            SparkCustomerValue onSpark = SparkCustomerValue.run(spark(), WholeRuleDifferentialProperties.CATALOG,
                    plan);

            List<RepeatSummary> summaries = RepeatSummary.of(transactions(offset), plan.cutoff(), plan.unit());
            BgNbd purchases = BgNbd.fit(GroupedSummaries.of(summaries)).model();
            GammaGamma spend = GammaGamma.fit(summaries).model();
            assertEquals(purchases, onSpark.purchases().model());
            assertEquals(spend, onSpark.spend().model());
            List<CustomerValue> inMemory = CustomerValue.withDeciles(
                    ValueScorer.of(purchases, spend, 52, 12, 0.01).scoreAll(summaries));

            Map<String, Row> rows = onSpark.scores().collectAsList().stream()
                    .collect(Collectors.toMap(r -> r.getString(0), r -> r));
            assertEquals(inMemory.size(), rows.size());
            assertTrue(inMemory.size() > 300, "most of the 400 customers bought by the cut-off");
            for (int i = 0; i < inMemory.size(); i++) {
                CustomerValue v = inMemory.get(i);
                RepeatSummary s = summaries.get(i);
                Row r = rows.get(v.customerId().value());
                assertEquals(List.of(s.x(), s.tx(), s.age(), s.meanRepeatValue(), v.probabilityAlive(),
                        v.expectedPurchases(), v.lifetimeValue(), v.lifetimeValueDecile()),
                        List.of(r.getInt(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                                r.getDouble(6), r.getDouble(7), r.getInt(8)), v.customerId()::toString);
            }
            onSpark.scores().unpersist();
        }
    }

    /** Purchases as memory dates and values them: at the offset, the amount in dollars, nothing otherwise. */
    private static List<Transaction> transactions(ZoneOffset offset) {
        return WholeRuleDifferentialProperties.POPULATION.touchpoints().values().stream().flatMap(List::stream)
                .filter(t -> t.kind().equals(TouchpointKind.PURCHASE))
                .map(t -> new Transaction(t.customerId(), LocalDate.ofInstant(t.occurredAt(), offset), value(t)))
                .collect(Collectors.toList());
    }

    private static BigDecimal value(Touchpoint t) {
        return t.amount().filter(m -> m.currency().equals(USD)).map(m -> m.amount()).orElse(BigDecimal.ZERO);
    }

    private static SparkSegments spark() {
        return (SparkSegments) WholeRuleDifferentialProperties.loaded("spark", LocalSpark::load);
    }
}
