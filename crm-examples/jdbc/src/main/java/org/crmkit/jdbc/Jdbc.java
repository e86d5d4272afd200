package org.crmkit.jdbc;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import javax.sql.DataSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import org.crmkit.core.CrmException;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.spi.Transactions;

/** Connections, transactions and JSON documents for the adapter's stores. Thread-safe. */
final class Jdbc {
    private final DataSource dataSource;
    private final ObjectMapper json;
    /** The connection of the transaction open on this thread, if any. */
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.json = CrmJson.newMapper();
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws, so nothing is ever
     * half-written. crmkit's own exceptions pass through; SQL failures become {@link CrmException}s.
     */
    <T> T inTransaction(String what, Work<T> work) {
        Connection joined = bound.get();
        if (joined != null) {
            return inSavepoint(what, joined, work);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs one statement that only reads: inside the transaction bound to the thread when there is one, otherwise
     * on a connection in auto-commit, where a single statement sees one consistent snapshot without a transaction
     * (a commit would cost a round trip more). Work of several statements that must agree uses
     * {@link #inTransaction}.
     */
    <T> T readOnly(String what, Work<T> work) {
        return atOnce(what, work, false);
    }

    /**
     * Runs one statement that writes and is atomic on its own (a conditional insert, a multi-row insert): on a
     * connection in auto-commit, without the commit's round trip, or in its own savepoint inside the transaction
     * bound to the thread, so that a refused statement leaves the host's transaction usable.
     */
    <T> T oneStatement(String what, Work<T> work) {
        return atOnce(what, work, true);
    }

    private <T> T atOnce(String what, Work<T> work, boolean writes) {
        Connection joined = bound.get();
        if (joined != null && writes) {
            return inSavepoint(what, joined, work);
        }
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                return work.run(c);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Work inside a transaction the host began through {@link #transactions()}: its own savepoint, so that a
     * failed step (a unique violation the caller turns into a conflict) undoes itself and leaves the rest usable.
     */
    private static <T> T inSavepoint(String what, Connection c, Work<T> work) {
        try {
            Savepoint step = c.setSavepoint();
            try {
                T result = work.run(c);
                c.releaseSavepoint(step);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback(step);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Transactions the stores' writes join while one is open on the thread: a facade's write and the events it
     * stores in the outbox commit together.
     */
    Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                Objects.requireNonNull(work, "work");
                if (bound.get() != null) {
                    return work.get();
                }
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    bound.set(c);
                    T result;
                    try {
                        result = work.get();
                    } catch (RuntimeException | Error e) {
                        c.rollback();
                        throw e;
                    } finally {
                        bound.remove();
                    }
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    throw failure("committing a transaction", e);
                }
            }
        };
    }

    /** Runs a query with parameters and reads every row. */
    <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params); ResultSet r = p.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (r.next()) {
                out.add(row.read(r));
            }
            return out;
        }
    }

    /** Runs an update with parameters. */
    int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = prepare(c, sql, params)) {
            return p.executeUpdate();
        }
    }

    /** Runs one statement for each row of parameters, as one JDBC batch; returns each row's update count. */
    int[] batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(p, row);
                p.addBatch();
            }
            return p.executeBatch();
        } catch (BatchUpdateException e) {
            // The first failure itself, whose state says what went wrong; the batch's own message may quote
            // every row's parameters, personal data included.
            SQLException first = e.getNextException() != null ? e.getNextException()
                    : e.getCause() instanceof SQLException cause ? cause : null; // PostgreSQL chains it; DuckDB wraps
            throw first != null ? first : new SQLException("a batch failed", e.getSQLState(), e.getErrorCode());
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        bind(p, params);
        return p;
    }

    private static void bind(PreparedStatement p, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            // A number with a negative scale (1E+1) is bound in its plain form, which every driver takes (DuckDB's
            // refuses the other).
            p.setObject(i + 1, params[i] instanceof BigDecimal d && d.scale() < 0 ? d.setScale(0) : params[i]);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new CrmException("document could not be written as JSON: " + value.getClass().getSimpleName(), e);
        }
    }

    <T> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JacksonException e) {
            // The message names the field; the document itself is not repeated, as it may hold personal data.
            throw new CrmException("stored " + type.getSimpleName() + " could not be read: "
                    + e.getOriginalMessage(), e);
        }
    }

    static CrmException failure(String what, SQLException e) {
        return new CrmException("database failed while " + what + ": " + e.getSQLState() + " " + e.getMessage(), e);
    }
}
