package org.crmkit.segmentation.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.crmkit.segmentation.rule.Condition;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.rule.MembershipSnapshot;
import org.crmkit.segmentation.rule.SqlPredicate;
import org.crmkit.segmentation.rule.SqlPushdown;
import org.crmkit.segmentation.value.GroupedSummaries;

/**
 * Segments and value summaries computed where the data is, equal to what the rule, {@link Rfm#score},
 * {@link GroupedSummaries#of} and {@link MembershipSnapshot#diff} give in memory: the service provider interface
 * of engines that hold the rule tables {@link SqlPushdown.Tables} describes, such as the reference adapter's
 * database, an embedded DuckDB or Apache Spark (crm-jdbc and crm-spark implement it). Implementations are
 * thread-safe.
 */
public interface SegmentQueries {
    /**
     * The mapping of the rule language to this engine's tables.
     *
     * @param catalog the facts rules are checked against
     * @return the pushdown; its predicates refer to the customer table as {@code c}
     */
    SqlPushdown pushdownFor(FactCatalog catalog);

    /**
     * The ids of the customers a predicate from {@link #pushdownFor} selects, in id order, without reading the
     * profiles.
     *
     * @param where the predicate
     * @return the ids
     */
    List<String> customerIdsWhere(SqlPredicate where);

    /**
     * RFM scores of every customer with a purchase by an instant, computed through {@link SqlPushdown#rfm}:
     * equal to {@code Rfm.score} over {@code Rfm.Input.of} each customer.
     *
     * @param catalog the facts rules are checked against
     * @param at the instant the measures are taken at
     * @param currency the currency whose spend is counted
     * @return the scores, in customer id order
     */
    List<Rfm.Score> rfm(FactCatalog catalog, Instant at, Currency currency);

    /**
     * How many customers with a purchase by an instant are in each RFM group, counted where the data is through
     * {@link SqlPushdown#rfmCells}: the counts of {@link Rfm.Score#group()} over {@link #rfm}, every group present.
     *
     * @param catalog the facts rules are checked against
     * @param at the instant the measures are taken at
     * @param currency the currency whose spend is counted
     * @return the customers of each group
     */
    Map<RfmGroup, Long> rfmGroups(FactCatalog catalog, Instant at, Currency currency);

    /**
     * Adds a cell of {@link SqlPushdown#rfmCells} to group counts, for implementations.
     *
     * @param groups the counts so far, every group present
     * @param recency the cell's recency score
     * @param frequency the cell's frequency score
     * @param customers the cell's customers
     */
    static void addCell(Map<RfmGroup, Long> groups, int recency, int frequency, long customers) {
        groups.merge(RfmGroup.of(recency, frequency), customers, Long::sum);
    }

    /** {@return every group at zero, in group order, to add cells to} */
    static Map<RfmGroup, Long> noGroups() {
        Map<RfmGroup, Long> groups = new java.util.EnumMap<>(RfmGroup.class);
        for (RfmGroup g : RfmGroup.values()) {
            groups.put(g, 0L);
        }
        return groups;
    }

    /**
     * Every customer's repeat-purchase summary up to a cut-off, computed and grouped through
     * {@link SqlPushdown#repeatSummaries}, ready for a purchase model's fit: the groups {@code GroupedSummaries.of}
     * makes of {@code RepeatSummary.of} for the purchases dated at the offset.
     *
     * @param catalog the facts rules are checked against
     * @param cutoff the last day of the calibration period
     * @param unit the unit of {@code tx} and {@code T}, a day or longer
     * @param offset the offset from UTC whose calendar days the purchases are counted in
     * @return the groups
     */
    GroupedSummaries repeatSummaries(FactCatalog catalog, LocalDate cutoff, ChronoUnit unit, ZoneOffset offset);

    /**
     * Who entered and who exited a segment's rule between two instants, computed through
     * {@link SqlPushdown#changes}: the change {@code MembershipSnapshot.diff} gives between snapshots taken at the
     * two instants.
     *
     * @param catalog the facts rules are checked against
     * @param segment the segment's name
     * @param version the segment version the condition belongs to
     * @param condition the segment's condition
     * @param earlier the earlier instant
     * @param at the later instant
     * @return the change, entries and exits in id order
     */
    MembershipSnapshot.Change segmentChanges(FactCatalog catalog, String segment, int version, Condition condition,
                                             Instant earlier, Instant at);
}
