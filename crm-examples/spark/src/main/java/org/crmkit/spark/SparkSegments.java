package org.crmkit.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.segmentation.analysis.Rfm;
import org.crmkit.segmentation.analysis.RfmGroup;
import org.crmkit.segmentation.analysis.SegmentQueries;
import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.SqlDialect;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.SqlPushdown;
import org.crmkit.segmentation.rule.SqlQuery;
import org.crmkit.segmentation.value.GroupedSummaries;
import org.crmkit.segmentation.value.RepeatSummary;

/**
 * Segments, RFM scores, repeat-purchase summaries and segment changes computed by Apache Spark SQL over the rule
 * tables of the reference schema ({@link SqlPushdown#reference}), equal to what memory computes. The tables are
 * whatever the session resolves those names to: catalog tables, or the views {@link RuleTables#register} makes
 * over Parquet that {@link RuleTables#write} wrote. Queries bind their values by name, never by position
 * (Spark 4.1.0 to 4.2.0 can bind five or more positional markers to the wrong value, SPARK-58341). Thread-safe
 * as the session is.
 *
 * <p>Spark compares exact decimals exactly only without precision loss: the session must run with
 * {@code spark.sql.decimalOperations.allowPrecisionLoss=false} (with it, Spark may round a product of a bound and
 * a count to six decimals and select differently), and {@link #over} refuses a session without it. Run it also
 * with {@value #CONSTRAINT_PROPAGATION}{@code =false}: Spark's constraint propagation, on by default, took more
 * than ten minutes to plan one segment change of a dozen tests, which plans in seconds without it. And run rules of
 * many tests with {@value #ADAPTIVE_EXECUTION}{@code =false}: with adaptive execution, on by default, the changes
 * of 20 random pairs of rules over the test population took more than ten minutes (stopped there; in one CI run
 * they took more than twenty, every sample of the thread replanning between stages), and 45 seconds without it.
 */
public final class SparkSegments implements SegmentQueries {
    /** The setting that must be {@code false}. */
    public static final String PRECISION_LOSS = "spark.sql.decimalOperations.allowPrecisionLoss";
    /** The setting that should be {@code false} for rules of many tests. */
    public static final String CONSTRAINT_PROPAGATION = "spark.sql.constraintPropagation.enabled";
    /** The setting that should be {@code false} for rules of many tests. */
    public static final String ADAPTIVE_EXECUTION = "spark.sql.adaptive.enabled";

    private final SparkSession spark;

    private SparkSegments(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Segments over the tables the session resolves the reference names to.
     *
     * @param spark the session
     * @return the queries
     * @throws IllegalStateException when the session allows precision loss in decimal arithmetic
     */
    public static SparkSegments over(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        String loss = spark.conf().get(PRECISION_LOSS, "true");
        if (!"false".equalsIgnoreCase(loss)) {
            throw new IllegalStateException("crmkit compares rounded numbers exactly only without precision loss:"
                    + " set " + PRECISION_LOSS + "=false on the session (it is " + loss + ")");
        }
        return new SparkSegments(spark);
    }

    /**
     * The mapping of the rule language to the reference tables, written for Spark SQL.
     *
     * @param catalog the facts rules are checked against
     * @return the pushdown; its predicates refer to the customer table as {@code c}
     */
    public static SqlPushdown pushdown(FactCatalog catalog) {
        return SqlPushdown.reference(catalog, SqlDialect.SPARK);
    }

    @Override
    public SqlPushdown pushdownFor(FactCatalog catalog) {
        return pushdown(catalog);
    }

    @Override
    public List<String> customerIdsWhere(SqlPredicate where) {
        Objects.requireNonNull(where, "where");
        return rows("SELECT c.id FROM crm_customers c WHERE " + where.sql() + " ORDER BY c.id", where.parameters())
                .stream().map(r -> r.getString(0)).toList();
    }

    @Override
    public List<Rfm.Score> rfm(FactCatalog catalog, Instant at, Currency currency) {
        SqlQuery q = pushdown(catalog).rfm(at, currency);
        return rows(q.sql(), q.parameters()).stream().map(r -> new Rfm.Score(CustomerId.of(r.getString(0)),
                whole(r, 1), whole(r, 2), whole(r, 3))).toList();
    }

    @Override
    public Map<RfmGroup, Long> rfmGroups(FactCatalog catalog, Instant at, Currency currency) {
        SqlQuery q = pushdown(catalog).rfmCells(at, currency);
        Map<RfmGroup, Long> groups = SegmentQueries.noGroups();
        for (Row r : rows(q.sql(), q.parameters())) {
            SegmentQueries.addCell(groups, whole(r, 0), whole(r, 1), ((Number) r.get(2)).longValue());
        }
        return groups;
    }

    @Override
    public GroupedSummaries repeatSummaries(FactCatalog catalog, LocalDate cutoff, ChronoUnit unit,
                                            ZoneOffset offset) {
        double days = RepeatSummary.daysIn(unit);
        SqlQuery q = pushdown(catalog).repeatSummaries(cutoff, offset);
        GroupedSummaries.Builder groups = GroupedSummaries.builder();
        for (Row r : rows(q.sql(), q.parameters())) {
            groups.add(whole(r, 0), ((Number) r.get(1)).longValue() / days, ((Number) r.get(2)).longValue() / days,
                    ((Number) r.get(3)).longValue());
        }
        return groups.build();
    }

    @Override
    public MembershipSnapshot.Change segmentChanges(FactCatalog catalog, String segment, int version,
            Condition condition, Instant earlier, Instant at) {
        SqlQuery q = pushdown(catalog).changes(condition, earlier, at, "crm_customers c");
        List<CustomerId> entered = new ArrayList<>();
        List<CustomerId> exited = new ArrayList<>();
        for (Row r : rows(q.sql(), q.parameters())) {
            (r.getBoolean(1) ? entered : exited).add(CustomerId.of(r.getString(0)));
        }
        return new MembershipSnapshot.Change(segment, version, at, entered, exited);
    }

    /**
     * Runs a query of {@link SqlPushdown}'s, its {@code ?} markers bound by name.
     *
     * @param sql the query
     * @param parameters its values, in marker order
     * @return the rows, as a Spark dataset
     */
    Dataset<Row> query(String sql, List<Object> parameters) {
        StringBuilder named = new StringBuilder(sql.length() + 4 * parameters.size());
        Map<String, Object> args = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?') {
                String name = "p" + next;
                args.put(name, parameters.get(next++));
                named.append(':').append(name);
            } else {
                named.append(ch);
            }
        }
        return spark.sql(named.toString(), args);
    }

    private List<Row> rows(String sql, List<Object> parameters) {
        return query(sql, parameters).collectAsList();
    }

    private static int whole(Row r, int i) {
        return Math.toIntExact(((Number) r.get(i)).longValue());
    }
}
