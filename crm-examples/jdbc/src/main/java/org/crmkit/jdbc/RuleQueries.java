package org.crmkit.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * The segment selections and analyses run where the rule tables are ({@link SqlPushdown.Tables}): in the
 * adapter's database or in an embedded DuckDB. Thread-safe.
 */
final class RuleQueries implements SegmentQueries {
    private final Jdbc jdbc;
    private final SqlDialect dialect;

    RuleQueries(Jdbc jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** The mapping of the rule language to the tables, for an engine. */
    static SqlPushdown pushdown(FactCatalog catalog, SqlDialect dialect) {
        return SqlPushdown.reference(catalog, dialect);
    }

    @Override
    public SqlPushdown pushdownFor(FactCatalog catalog) {
        return pushdown(catalog, dialect);
    }

    @Override
    public List<String> customerIdsWhere(SqlPredicate where) {
        Objects.requireNonNull(where, "where");
        return List.copyOf(jdbc.readOnly("selecting customers", c -> jdbc.query(c,
                "SELECT c.id FROM crm_customers c WHERE " + where.sql() + " ORDER BY c.id", r -> r.getString(1),
                where.parameters().toArray())));
    }

    @Override
    public List<Rfm.Score> rfm(FactCatalog catalog, Instant at, Currency currency) {
        SqlQuery q = pushdown(catalog, dialect).rfm(at, currency);
        return List.copyOf(jdbc.readOnly("scoring RFM", c -> jdbc.query(c, q.sql(), r -> new Rfm.Score(
                CustomerId.of(r.getString(1)), r.getInt(2), r.getInt(3), r.getInt(4)), q.parameters().toArray())));
    }

    @Override
    public Map<RfmGroup, Long> rfmGroups(FactCatalog catalog, Instant at, Currency currency) {
        SqlQuery q = pushdown(catalog, dialect).rfmCells(at, currency);
        Map<RfmGroup, Long> groups = SegmentQueries.noGroups();
        jdbc.readOnly("counting RFM groups", c -> jdbc.query(c, q.sql(), r -> {
            SegmentQueries.addCell(groups, r.getInt(1), r.getInt(2), r.getLong(3));
            return null;
        }, q.parameters().toArray()));
        return groups;
    }

    @Override
    public GroupedSummaries repeatSummaries(FactCatalog catalog, LocalDate cutoff, ChronoUnit unit,
                                            ZoneOffset offset) {
        double days = RepeatSummary.daysIn(unit);
        SqlQuery q = pushdown(catalog, dialect).repeatSummaries(cutoff, offset);
        GroupedSummaries.Builder groups = GroupedSummaries.builder();
        jdbc.readOnly("summarising repeat purchases", c -> jdbc.query(c, q.sql(), r -> groups.add(r.getInt(1),
                r.getLong(2) / days, r.getLong(3) / days, r.getLong(4)), q.parameters().toArray()));
        return groups.build();
    }

    @Override
    public MembershipSnapshot.Change segmentChanges(FactCatalog catalog, String segment, int version,
            Condition condition, Instant earlier, Instant at) {
        SqlQuery q = pushdown(catalog, dialect).changes(condition, earlier, at, "crm_customers c");
        List<CustomerId> entered = new ArrayList<>();
        List<CustomerId> exited = new ArrayList<>();
        jdbc.readOnly("diffing segment " + segment, c -> jdbc.query(c, q.sql(), r -> {
            (r.getBoolean(2) ? entered : exited).add(CustomerId.of(r.getString(1)));
            return null;
        }, q.parameters().toArray()));
        return new MembershipSnapshot.Change(segment, version, at, entered, exited);
    }
}
