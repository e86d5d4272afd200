package org.crmkit.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.SqlQuery;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.ModelFit;
import org.crmkit.segmentation.value.PurchaseModel;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.ValueScorer;

/**
 * The analyst's customer-value job on Spark (C8, C12): repeat-purchase summaries computed where the purchases are,
 * a BG/NBD purchase model fitted from their grouped counts and a Gamma-Gamma spend model from the repeat buyers,
 * every customer scored in {@code mapPartitions} by a {@link ValueScorer} rebuilt on each executor from the models'
 * JSON, and deciles of lifetime value cut exactly as {@link CustomerValue#withDeciles} cuts them. Every number
 * equals what crm-segmentation computes in memory from the same purchases. Immutable and thread-safe.
 *
 * @param purchases the purchase model's fit
 * @param spend the spend model's fit
 * @param cuts the nine lifetime values that start deciles 2 to 10
 * @param scores one row per customer with a purchase by the cut-off, in the columns of {@link #SCORES} and
 *        {@code lifetime_value_decile}; cached by Spark, to be unpersisted when done
 */
public record SparkCustomerValue(ModelFit<BgNbd> purchases, ModelFit<GammaGamma> spend, List<Double> cuts,
                                 Dataset<Row> scores) {
    /**
     * The scores' columns: {@code customer_id, x, tx, age, mean_repeat_value} (the customer's summary, in the
     * unit asked for), {@code probability_alive, expected_purchases, lifetime_value} and
     * {@code lifetime_value_decile} (1 lowest, 10 highest).
     */
    public static final StructType SCORES = DataTypes.createStructType(List.of(
            DataTypes.createStructField("customer_id", DataTypes.StringType, false),
            DataTypes.createStructField("x", DataTypes.IntegerType, false),
            DataTypes.createStructField("tx", DataTypes.DoubleType, false),
            DataTypes.createStructField("age", DataTypes.DoubleType, false),
            DataTypes.createStructField("mean_repeat_value", DataTypes.DoubleType, false),
            DataTypes.createStructField("probability_alive", DataTypes.DoubleType, false),
            DataTypes.createStructField("expected_purchases", DataTypes.DoubleType, false),
            DataTypes.createStructField("lifetime_value", DataTypes.DoubleType, false)));

    /** Copies the cuts. */
    public SparkCustomerValue {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(spend, "spend");
        cuts = List.copyOf(cuts);
        Objects.requireNonNull(scores, "scores");
    }

    /**
     * What to value: the calibration period's end and the unit its times are counted in, the purchases' calendar
     * and currency, and the horizon of lifetime value.
     *
     * @param cutoff the last day of the calibration period
     * @param unit the unit of {@code tx}, {@code age} and the horizon, a day or longer
     * @param offset the offset from UTC whose calendar days the purchases are counted in
     * @param currency the currency whose amounts are the purchases' values
     * @param horizon how far ahead, in the unit
     * @param steps how many discounting periods the horizon is cut into
     * @param ratePerStep the discount rate per period
     */
    public record Plan(LocalDate cutoff, ChronoUnit unit, ZoneOffset offset, Currency currency, double horizon,
                       int steps, double ratePerStep) {
        /** Checks the plan. */
        public Plan {
            Objects.requireNonNull(cutoff, "cutoff");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(offset, "offset");
            Objects.requireNonNull(currency, "currency");
            RepeatSummary.daysIn(unit);
            // The scorer's own checks of the horizon, steps and rate, on models of no consequence.
            ValueScorer.of(new BgNbd(1, 1, 1, 1), new GammaGamma(1, 1, 1), horizon, steps, ratePerStep);
        }

        double days() {
            return RepeatSummary.daysIn(unit);
        }
    }

    /**
     * Runs the job over the reference tables the segments read.
     *
     * @param segments the Spark segments over the rule tables
     * @param catalog the facts rules are checked against
     * @param plan what to value
     * @return the fits, the cuts and the scores (computed lazily, as Spark does, when read)
     * @throws org.crmkit.core.RuleViolationException when too few customers bought to fit the models
     */
    public static SparkCustomerValue run(SparkSegments segments, FactCatalog catalog, Plan plan) {
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(plan, "plan");
        ModelFit<BgNbd> purchases = BgNbd.fit(segments.repeatSummaries(catalog, plan.cutoff(), plan.unit(),
                plan.offset()));
        SqlQuery q = SparkSegments.pushdown(catalog).customerSummaries(plan.cutoff(), plan.offset(),
                plan.currency());
        Dataset<Row> summaries = segments.query(q.sql(), q.parameters());
        // The spend model reads the repeat buyers only, in customer order as in memory.
        List<RepeatSummary> buyers = new ArrayList<>();
        for (Row r : summaries.where("x > 0").orderBy("customer_id").collectAsList()) {
            buyers.add(summary(r, plan.days()));
        }
        ModelFit<GammaGamma> spend = GammaGamma.fit(buyers);
        Scoring scoring = new Scoring(CrmJson.write(purchases.model(), PurchaseModel.class),
                CrmJson.write(spend.model(), GammaGamma.class), plan.horizon(), plan.steps(), plan.ratePerStep(),
                plan.days());
        Dataset<Row> scored = summaries.mapPartitions(scoring, Encoders.row(SCORES)).cache();
        List<Double> cuts = cuts(scored);
        Column decile = functions.lit(1);
        for (double cut : cuts) {
            decile = decile.plus(functions.when(functions.col("lifetime_value").geq(cut), 1).otherwise(0));
        }
        return new SparkCustomerValue(purchases, spend, cuts, scored.withColumn("lifetime_value_decile", decile));
    }

    /** The values at ranks n·d/10 (d = 1..9) of the sorted lifetime values, as {@code LifetimeValueDeciles}. */
    private static List<Double> cuts(Dataset<Row> scored) {
        long n = scored.count();
        if (n == 0) {
            return List.of();
        }
        List<Long> ranks = new ArrayList<>();
        for (int d = 1; d <= 9; d++) {
            ranks.add(n * d / 10);
        }
        List<scala.Tuple2<Row, Long>> at = scored.select("lifetime_value").orderBy("lifetime_value").javaRDD()
                .zipWithIndex().filter(t -> ranks.contains(t._2())).collect();
        double[] byRank = new double[9];
        for (scala.Tuple2<Row, Long> t : at) {
            for (int d = 0; d < 9; d++) {
                if (ranks.get(d).equals(t._2())) {
                    byRank[d] = t._1().getDouble(0);
                }
            }
        }
        List<Double> cuts = new ArrayList<>();
        for (double c : byRank) {
            cuts.add(c);
        }
        return cuts;
    }

    /** A row of {@code SqlPushdown.customerSummaries} as the summary memory makes, the mean divided in decimal. */
    static RepeatSummary summary(Row r, double days) {
        int x = Math.toIntExact(((Number) r.get(1)).longValue());
        BigDecimal repeat = r.getDecimal(4);
        double mean = x == 0 ? 0.0 : repeat.divide(BigDecimal.valueOf(x), MathContext.DECIMAL64).doubleValue();
        return new RepeatSummary(CustomerId.of(r.getString(0)), x, ((Number) r.get(2)).longValue() / days,
                ((Number) r.get(3)).longValue() / days, mean);
    }

    /** Scores a partition's summaries with the models, read from their JSON on the executor. */
    private static final class Scoring implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final String purchaseModel;
        private final String spendModel;
        private final double horizon;
        private final int steps;
        private final double ratePerStep;
        private final double days;

        Scoring(String purchaseModel, String spendModel, double horizon, int steps, double ratePerStep,
                double days) {
            this.purchaseModel = purchaseModel;
            this.spendModel = spendModel;
            this.horizon = horizon;
            this.steps = steps;
            this.ratePerStep = ratePerStep;
            this.days = days;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            ValueScorer scorer = ValueScorer.of(CrmJson.read(purchaseModel, PurchaseModel.class),
                    CrmJson.read(spendModel, GammaGamma.class), horizon, steps, ratePerStep);
            List<RepeatSummary> summaries = new ArrayList<>();
            rows.forEachRemaining(r -> summaries.add(summary(r, days)));
            List<CustomerValue> values = scorer.scoreAll(summaries);
            List<Row> out = new ArrayList<>(summaries.size());
            for (int i = 0; i < summaries.size(); i++) {
                RepeatSummary s = summaries.get(i);
                CustomerValue v = values.get(i);
                out.add(RowFactory.create(s.customerId().value(), s.x(), s.tx(), s.age(), s.meanRepeatValue(),
                        v.probabilityAlive(), v.expectedPurchases(), v.lifetimeValue()));
            }
            return out.iterator();
        }
    }
}
