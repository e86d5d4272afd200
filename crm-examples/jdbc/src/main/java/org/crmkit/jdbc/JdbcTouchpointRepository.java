package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.jspecify.annotations.Nullable;

/**
 * Touchpoints in {@code crm_touchpoints}, indexed by customer and time, with the kind, channel and amount segment
 * rules read, and their line items in {@code crm_touchpoint_lines}.
 */
final class JdbcTouchpointRepository extends JdbcRepository<Touchpoint, TouchpointId>
        implements TouchpointRepository {

    JdbcTouchpointRepository(Jdbc jdbc) {
        super(jdbc, "touchpoint", "crm_touchpoints", Touchpoint.class,
                List.of("customer_id", "at_second", "at_nano", "kind", "channel", "amount", "currency"));
    }

    @Override
    TouchpointId idOf(Touchpoint t) {
        return t.id();
    }

    @Override
    String key(TouchpointId id) {
        return id.value();
    }

    @Override
    long versionOf(Touchpoint t) {
        return t.version();
    }

    @Override
    Touchpoint withVersion(Touchpoint t, long version) {
        return t.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(Touchpoint t) {
        List<@Nullable Object> values = new ArrayList<>(Arrays.asList(t.customerId().value(),
                t.occurredAt().getEpochSecond(), t.occurredAt().getNano()));
        values.addAll(RuleRows.columns(t));
        return values;
    }

    @Override
    boolean hasSideTables() {
        return true;
    }

    @Override
    void writeSideTables(Connection c, Touchpoint stored) throws SQLException {
        RuleRows.replaceLines(jdbc, c, stored);
    }

    @Override
    void insertSideTables(Connection c, List<Touchpoint> batch) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        batch.forEach(t -> rows.addAll(RuleTableRows.lines(t)));
        jdbc.batch(c, RuleRows.INSERT_LINE, rows);
    }

    @Override
    public Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading touchpoints of " + customerId,
                c -> TimeOrdered.page(this, c, customerId, window.from(), window.until(), request));
    }
}
