package org.crmkit.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.jspecify.annotations.Nullable;

/** Measured items' clocks in {@code crm_item_clocks}, keyed by the item's key text, indexed by whether open. */
final class JdbcClockStore extends JdbcRepository<ItemClock, ItemKey> implements ClockStore {

    JdbcClockStore(Jdbc jdbc) {
        super(jdbc, "item clock", "crm_item_clocks", ItemClock.class, List.of("customer_id", "is_open"));
    }

    @Override
    ItemKey idOf(ItemClock t) {
        return t.key();
    }

    @Override
    String key(ItemKey id) {
        return id.toString();
    }

    @Override
    long versionOf(ItemClock t) {
        return t.version();
    }

    @Override
    ItemClock withVersion(ItemClock t, long version) {
        return t.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(ItemClock t) {
        return Arrays.asList(t.customerId().value(), !t.released());
    }

    @Override
    public Page<ItemClock> findOpen(PageRequest request) {
        return where("open item clocks", "is_open = TRUE", List.of(), request);
    }

    @Override
    public Page<ItemClock> findByCustomer(CustomerId customerId, PageRequest request) {
        Objects.requireNonNull(customerId, "customerId");
        return where("item clocks of " + customerId, "customer_id = ?", List.of(customerId.value()), request);
    }

    private Page<ItemClock> where(String what, String condition, List<Object> params, PageRequest request) {
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading " + what, c -> {
            List<Object> p = new ArrayList<>(params);
            if (request.after() != null) {
                p.add(request.after());
            }
            String sql = "SELECT document, id FROM crm_item_clocks WHERE " + condition
                    + (request.after() == null ? "" : " AND id > ?") + " ORDER BY id LIMIT " + (request.size() + 1);
            List<Object[]> rows = jdbc.query(c, sql, r -> new Object[] {r.getString(1), r.getString(2)},
                    p.toArray());
            return pageOf(rows, request.size(), row -> (String) row[1]);
        });
    }
}
