package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;

/**
 * Pages of one customer's rows in order of an instant and then id, for tables with {@code customer_id},
 * {@code at_second}, {@code at_nano} and {@code id}. The cursor is {@code <second>.<nano>/<id>} of the last row.
 */
final class TimeOrdered {
    private TimeOrdered() {
    }

    static <T> Page<T> page(JdbcRepository<T, ?> repository, Connection c, CustomerId customer, Instant from,
            Instant until, PageRequest request) throws SQLException {
        String table = repository.table();
        Object[] params;
        String after;
        if (request.after() == null) {
            after = "";
            params = new Object[] {customer.value(), from.getEpochSecond(), from.getEpochSecond(), from.getNano(),
                until.getEpochSecond(), until.getEpochSecond(), until.getNano()};
        } else {
            Cursor k = Cursor.parse(request.after());
            after = " AND (at_second > ? OR at_second = ? AND (at_nano > ? OR at_nano = ? AND id > ?))";
            params = new Object[] {customer.value(), from.getEpochSecond(), from.getEpochSecond(), from.getNano(),
                until.getEpochSecond(), until.getEpochSecond(), until.getNano(),
                k.second, k.second, k.nano, k.nano, k.id};
        }
        String sql = "SELECT document, at_second, at_nano, id FROM " + table + " WHERE customer_id = ?"
                + " AND (at_second > ? OR at_second = ? AND at_nano >= ?)"
                + " AND (at_second < ? OR at_second = ? AND at_nano < ?)" + after
                + " ORDER BY at_second, at_nano, id LIMIT " + (request.size() + 1);
        List<Object[]> rows = repository.jdbc.query(c, sql, r -> new Object[] {r.getString(1),
            new Cursor(r.getLong(2), r.getInt(3), r.getString(4))}, params);
        return repository.pageOf(rows, request.size(), row -> ((Cursor) row[1]).text());
    }

    /** Where a page ended. */
    private record Cursor(long second, int nano, String id) {
        String text() {
            return second + "." + nano + "/" + id;
        }

        static Cursor parse(String cursor) {
            try {
                int dot = cursor.indexOf('.');
                int slash = cursor.indexOf('/');
                return new Cursor(Long.parseLong(cursor.substring(0, dot)),
                        Integer.parseInt(cursor.substring(dot + 1, slash)), cursor.substring(slash + 1));
            } catch (RuntimeException e) {
                throw new InvalidDefinitionException("cursor", "not a cursor this repository issued", e);
            }
        }
    }
}
