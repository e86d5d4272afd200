package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import org.crmkit.core.CrmException;
import org.crmkit.core.DuplicateException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.Repository;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate per row: the aggregate as a JSON document, its id and version, and the columns its lookups need.
 * Saves are optimistic: an insert for version 0, otherwise an update guarded by the version read, in one
 * transaction with the aggregate's side tables. Thread-safe.
 *
 * @param <T> the aggregate
 * @param <I> its id
 */
abstract class JdbcRepository<T, I> implements Repository<T, I> {
    /** The JDBC helper. */
    protected final Jdbc jdbc;
    private final String what;
    private final String table;
    private final Class<T> type;
    private final List<String> columns;
    private final String insert;
    private final String update;

    /**
     * @param columns the index columns written from {@link #values}, besides id, version and document
     */
    JdbcRepository(Jdbc jdbc, String what, String table, Class<T> type, List<String> columns) {
        this.jdbc = jdbc;
        this.what = what;
        this.table = table;
        this.type = type;
        this.columns = List.copyOf(columns);
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (String c : columns) {
            names.add(c);
            marks.add("?");
            sets.add(c + " = ?");
        }
        String extra = columns.isEmpty() ? "" : ", ";
        this.insert = "INSERT INTO " + table + " (id, version, document" + extra + names + ") VALUES (?, ?, ?"
                + extra + marks + ")";
        this.update = "UPDATE " + table + " SET version = ?, document = ?" + extra + sets
                + " WHERE id = ? AND version = ?";
    }

    /** {@return the aggregate's id} */
    abstract I idOf(T aggregate);

    /** {@return the id as stored} */
    abstract String key(I id);

    /** {@return the aggregate's version} */
    abstract long versionOf(T aggregate);

    /** {@return the aggregate at another version} */
    abstract T withVersion(T aggregate, long version);

    /** {@return the index columns' values, in the order of the columns given to the constructor} */
    abstract List<@Nullable Object> values(T aggregate);

    /**
     * Words the refusal of an aggregate whose save broke a unique constraint: which other aggregate holds what it
     * claims. Asked only after the database refused, so that a save pays no query for it; empty by default.
     */
    Optional<DuplicateException> claimed(Connection c, T aggregate) throws SQLException {
        return Optional.empty();
    }

    /** Rewrites the aggregate's side tables, inside the save's transaction; none by default. */
    void writeSideTables(Connection c, T stored) throws SQLException {
    }

    /** {@return whether {@link #writeSideTables} writes anything}: a save without side tables is one statement */
    boolean hasSideTables() {
        return false;
    }

    @Override
    public T save(T aggregate) {
        Objects.requireNonNull(aggregate, what);
        I id = idOf(aggregate);
        long expected = versionOf(aggregate);
        T stored = withVersion(aggregate, expected + 1);
        String document = jdbc.write(stored);
        List<@Nullable Object> values = values(stored);
        try {
            Jdbc.Work<T> write = c -> {
                if (expected == 0) {
                    jdbc.update(c, insert, params(key(id), 1L, document, values));
                } else {
                    List<Object> p = new ArrayList<>(values);
                    p.add(0, expected + 1);
                    p.add(1, document);
                    p.add(key(id));
                    p.add(expected);
                    if (jdbc.update(c, update, p.toArray()) == 0) {
                        throw new VersionConflictException(what, id, expected, version(c, id));
                    }
                }
                writeSideTables(c, stored);
                return stored;
            };
            // One statement is atomic on its own: no transaction, no commit's round trip.
            return hasSideTables() ? jdbc.inTransaction("saving " + what + " " + id, write)
                    : jdbc.oneStatement("saving " + what + " " + id, write);
        } catch (CrmException e) {
            if (e.getCause() instanceof SQLException s && Dialect.isUniqueViolation(s)) {
                long actual = jdbc.inTransaction("reading the version of " + what + " " + id, c -> version(c, id));
                if (expected == 0 && actual != 0) {
                    throw new VersionConflictException(what, id, expected, actual);
                }
                Optional<DuplicateException> named = jdbc.inTransaction("reading who holds what " + what + " " + id
                        + " claims", c -> claimed(c, stored));
                throw named.orElseGet(() -> new DuplicateException(what + " " + id + " claims a value unique to "
                        + "another " + what + ": " + constraint(s)));
            }
            throw e;
        }
    }

    /**
     * Stores new aggregates in batches: each batch is one transaction of batched inserts, so nothing of a failed
     * batch is stored, and the batches before it stay.
     *
     * @param aggregates new aggregates, at version 0
     * @param batchSize aggregates per batch
     * @return how many were stored
     * @throws DuplicateException when an aggregate's id, or a value unique to one aggregate, is taken
     */
    long insertAll(Iterable<? extends T> aggregates, int batchSize) {
        Objects.requireNonNull(aggregates, "aggregates");
        long stored = 0;
        List<T> batch = new ArrayList<>(batchSize);
        Iterator<? extends T> it = aggregates.iterator();
        while (it.hasNext()) {
            T aggregate = Objects.requireNonNull(it.next(), what);
            if (versionOf(aggregate) != 0) {
                throw new RuleViolationException("only new " + what + "s can be imported, but " + what + " "
                        + idOf(aggregate) + " has version " + versionOf(aggregate) + "; after " + stored
                        + " stored");
            }
            batch.add(withVersion(aggregate, 1));
            if (batch.size() == batchSize || !it.hasNext()) {
                insertBatch(batch, stored);
                stored += batch.size();
                batch.clear();
            }
        }
        return stored;
    }

    private void insertBatch(List<T> batch, long before) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (T a : batch) {
            rows.add(params(key(idOf(a)), 1L, jdbc.write(a), values(a)));
        }
        String first = what + "s " + idOf(batch.get(0)) + " to " + idOf(batch.get(batch.size() - 1));
        try {
            jdbc.inTransaction("importing " + first, c -> {
                jdbc.batch(c, insert, rows);
                insertSideTables(c, batch);
                return null;
            });
        } catch (CrmException e) {
            if (e.getCause() instanceof SQLException s && Dialect.isUniqueViolation(s)) {
                throw new DuplicateException("importing " + first + ": one claims an id or a value another "
                        + what + " holds (" + constraint(s) + "); none of this batch was stored, the " + before
                        + " before it were", e);
            }
            throw e;
        }
    }

    /** Writes the side tables of a batch of new aggregates, inside its transaction; one by one by default. */
    void insertSideTables(Connection c, List<T> batch) throws SQLException {
        for (T a : batch) {
            writeSideTables(c, a);
        }
    }

    private static Object[] params(Object id, Object version, Object document, List<@Nullable Object> values) {
        List<@Nullable Object> p = new ArrayList<>(values.size() + 3);
        p.add(id);
        p.add(version);
        p.add(document);
        p.addAll(values);
        return p.toArray();
    }

    /** The constraint's name where the driver says it, so the message points at what clashed. */
    private static String constraint(SQLException e) {
        String m = String.valueOf(e.getMessage());
        // PostgreSQL: ... violates unique constraint "name"; H2: ... ON PUBLIC.NAME(...) ...
        String postgres = after(m, "constraint \"", '"');
        if (postgres != null) {
            return postgres;
        }
        String h2 = after(m, "ON PUBLIC.", ' ');
        return h2 != null ? h2 : "a unique column";
    }

    /** {@return the text after {@code start} up to {@code end} or the end of the message; null without start} */
    private static @Nullable String after(String message, String start, char end) {
        int from = message.indexOf(start);
        if (from < 0) {
            return null;
        }
        from += start.length();
        int to = message.indexOf(end, from);
        return message.substring(from, to < 0 ? message.length() : to);
    }

    private long version(Connection c, I id) throws SQLException {
        List<Long> v = jdbc.query(c, "SELECT version FROM " + table + " WHERE id = ?", r -> r.getLong(1), key(id));
        return v.isEmpty() ? 0 : v.get(0);
    }

    @Override
    public Optional<T> findById(I id) {
        Objects.requireNonNull(id, "id");
        return first(jdbc.readOnly("reading " + what + " " + id,
                c -> documents(c, "SELECT document FROM " + table + " WHERE id = ?", key(id))));
    }

    @Override
    public void deleteById(I id) {
        Objects.requireNonNull(id, "id");
        jdbc.inTransaction("deleting " + what + " " + id,
                c -> jdbc.update(c, "DELETE FROM " + table + " WHERE id = ?", key(id)));
    }

    @Override
    public long count() {
        return jdbc.readOnly("counting " + what + "s", c -> jdbc.query(c, "SELECT COUNT(*) FROM " + table,
                r -> r.getLong(1)).get(0));
    }

    /** {@return the aggregates a query's first column holds as documents} */
    List<T> documents(Connection c, String sql, Object... params) throws SQLException {
        return jdbc.query(c, sql, r -> jdbc.read(r.getString(1), type), params);
    }

    /**
     * A page from rows read one past the page size: the row's first element is the document.
     *
     * @param cursor the cursor of a row, for the next page
     */
    Page<T> pageOf(List<Object[]> rows, int size, Function<Object[], String> cursor) {
        List<T> items = new ArrayList<>(Math.min(rows.size(), size));
        for (int i = 0; i < rows.size() && i < size; i++) {
            items.add(jdbc.read((String) rows.get(i)[0], type));
        }
        String next = rows.size() > size ? cursor.apply(rows.get(size - 1)) : null;
        return new Page<>(items, next);
    }

    /** {@return one page of every row, ordered by id} */
    Page<T> byId(Connection c, PageRequest request) throws SQLException {
        String sql = "SELECT document, id FROM " + table + (request.after() == null ? "" : " WHERE id > ?")
                + " ORDER BY id LIMIT " + (request.size() + 1);
        Object[] params = request.after() == null ? new Object[0] : new Object[] {request.after()};
        List<Object[]> rows = jdbc.query(c, sql, r -> new Object[] {r.getString(1), r.getString(2)}, params);
        return pageOf(rows, request.size(), row -> (String) row[1]);
    }

    static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** {@return the table} */
    String table() {
        return table;
    }

    /** {@return the index columns} */
    List<String> columns() {
        return columns;
    }
}
