package org.crmkit.segmentation.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.payment.CardNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Translates a rule into a parameterised SQL predicate on the customer table, for adapters that select customers
 * where the data lives (the reference JDBC adapter, crm-jdbc, does). An adapter maps facts to columns of the
 * customer table and set facts (tags) to a side table; each column must hold the fact's value exactly as the rule
 * language reads it (lower-case lifecycle stage, text compared case-sensitively) and be {@code NULL} when the fact
 * has no value. With {@link Builder#tables(Tables) side tables} of the shapes {@link Tables} describes, the
 * touchpoint aggregates, consents, custom attributes and preferences translate too, each test as one correlated
 * subquery on the customer id, so a rule runs whole in the database and stays with the customer's rows on engines
 * that distribute by customer. The translation keeps the language's two-valued logic: a test of a missing value is
 * false, so {@code not} selects exactly what the in-memory rule selects; and numbers the language rounds are
 * compared exactly as it rounds them. Immutable and thread-safe.
 */
public final class SqlPushdown {
    private static final Pattern IDENTIFIER =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final FactCatalog catalog;
    private final String idColumn;
    private final Map<FactRef, String> columns;
    private final Map<FactRef, SetTable> setTables;
    private final SqlFacts sideTables;

    private SqlPushdown(Builder b) {
        this.catalog = b.catalog;
        this.idColumn = b.idColumn;
        this.columns = Map.copyOf(b.columns);
        this.setTables = Map.copyOf(b.setTables);
        this.sideTables = new SqlFacts(b.idColumn, b.tables, b.dialect);
    }

    /**
     * The side tables (or views) that the aggregates, consents, attributes and preferences translate over, each of
     * a fixed shape; a null name leaves its facts to memory. Instants are kept as whole seconds since the epoch
     * ({@code at_second BIGINT}) and the nanosecond within it ({@code at_nano INTEGER}); numbers as exact decimals;
     * codes (kinds, channels, purposes, currencies) as the rule language writes them.
     * <ul>
     * <li>{@code touchpoints}: {@code id, customer_id, at_second, at_nano, kind, channel, amount, currency}, the
     * amount {@code NULL} when the touchpoint has none.
     * <li>{@code lines}: one row per line item: {@code touchpoint_id}, and the touchpoint's {@code customer_id,
     * at_second, at_nano, kind, channel}, then {@code category, brand, quantity, unit_price, line_value,
     * currency}, the line's value being its unit price times its quantity, exactly.
     * <li>{@code consents}: one row per consent record: {@code customer_id, purpose, channel, granted, at_second,
     * at_nano}, the channel {@code NULL} for a record that covers every channel and {@code granted} a boolean.
     * <li>{@code attributes}: {@code customer_id, name}, and the value in the column of its type:
     * {@code text_value, number_value, flag_value, date_value}.
     * <li>{@code preferences}: one row per effective preference value: {@code customer_id, pref_key, polarity,
     * pref_value}: the key as {@code PreferenceKey.toString()}, the polarity in lower case, the value's text.
     * </ul>
     *
     * @param touchpoints the touchpoint table, or null
     * @param lines the line-item table, or null; needed with the touchpoint table
     * @param consents the consent-record table, or null
     * @param attributes the custom-attribute table, or null
     * @param preferences the preference table, or null
     */
    public record Tables(@Nullable String touchpoints, @Nullable String lines, @Nullable String consents,
                         @Nullable String attributes, @Nullable String preferences) {
        /** Checks the names are SQL identifiers and that touchpoints come with their lines. */
        public Tables {
            touchpoints = optionalIdentifier("touchpoints", touchpoints);
            lines = optionalIdentifier("lines", lines);
            consents = optionalIdentifier("consents", consents);
            attributes = optionalIdentifier("attributes", attributes);
            preferences = optionalIdentifier("preferences", preferences);
            if ((touchpoints == null) != (lines == null)) {
                throw new IllegalArgumentException("touchpoints and lines are mapped together: touchpoints "
                        + touchpoints + ", lines " + lines);
            }
        }
    }

    private static @Nullable String optionalIdentifier(String field, @Nullable String value) {
        return value == null ? null : identifier(field, value);
    }

    /**
     * Starts a mapping.
     *
     * @param catalog the facts rules are checked against
     * @param idColumn the customer table's id column as the predicate refers to it, such as {@code c.id}
     * @return the builder
     */
    public static Builder builder(FactCatalog catalog, String idColumn) {
        return new Builder(catalog, identifier("idColumn", idColumn));
    }

    /**
     * The mapping of the reference schema, which the reference JDBC adapter keeps and {@link RuleTableRows} fills:
     * the customer table {@code crm_customers} referred to as {@code c} ({@code id, kind, lifecycle_stage,
     * account_manager, customer_since}), its tags in {@code crm_customer_tags (customer_id, tag)}, and the rule
     * tables {@code crm_touchpoints, crm_touchpoint_lines, crm_customer_consents, crm_customer_attributes,
     * crm_customer_preferences}.
     *
     * @param catalog the facts rules are checked against
     * @param dialect the engine
     * @return the pushdown
     */
    public static SqlPushdown reference(FactCatalog catalog, SqlDialect dialect) {
        return builder(catalog, "c.id")
                .column(Facts.kind(), "c.kind")
                .column(Facts.lifecycleStage(), "c.lifecycle_stage")
                .column(Facts.accountManager(), "c.account_manager")
                .column(Facts.customerSince(), "c.customer_since")
                .setTable(Facts.tags(), "crm_customer_tags", "customer_id", "tag")
                .tables(new Tables("crm_touchpoints", "crm_touchpoint_lines", "crm_customer_consents",
                        "crm_customer_attributes", "crm_customer_preferences"))
                .dialect(dialect)
                .build();
    }

    /**
     * Tells whether every test in the condition is over a mapped fact.
     *
     * @param condition the condition
     * @return true when {@link #translate(Condition, Instant)} succeeds for it
     */
    public boolean canTranslate(Condition condition) {
        if (condition instanceof Condition.All all) {
            return all.conditions().stream().allMatch(this::canTranslate);
        }
        if (condition instanceof Condition.Any any) {
            return any.conditions().stream().allMatch(this::canTranslate);
        }
        if (condition instanceof Condition.Not not) {
            return canTranslate(not.condition());
        }
        FactRef fact = ((Condition.Test) condition).fact();
        return columns.containsKey(fact) || setTables.containsKey(fact) || sideTables.handles(fact, catalog);
    }

    /**
     * Translates a whole condition.
     *
     * @param condition the condition, valid in the catalog
     * @param at the instant of evaluation, as a {@link Subject}'s: touchpoints after it are left out, windows end
     *         at it, consents are read as of it
     * @return the predicate, selecting exactly the customers the rule selects
     * @throws InvalidDefinitionException when the condition is invalid or tests a fact with no column, naming
     *         the path of the first such test
     */
    public SqlPredicate translate(Condition condition, Instant at) {
        catalog.validate(condition);
        return translateValid(condition, Objects.requireNonNull(at, "at"));
    }

    private SqlPredicate translateValid(Condition condition, Instant at) {
        List<Object> params = new ArrayList<>();
        String sql = sql(condition, "$", at, params);
        return new SqlPredicate(sql, params);
    }

    /**
     * Splits a condition into what the database can select and what must be tested in memory afterwards: the
     * translatable members of a top-level {@code all}, nested {@code all}s flattened (or the whole condition), go to
     * SQL, the rest stays.
     *
     * @param condition the condition, valid in the catalog
     * @param at the instant of evaluation
     * @return the split; testing the residual on the rows the predicate selects gives the rule's selection
     * @throws InvalidDefinitionException when the condition is invalid
     */
    public Split split(Condition condition, Instant at) {
        catalog.validate(condition);
        Objects.requireNonNull(at, "at");
        if (canTranslate(condition)) {
            return new Split(Optional.of(translateValid(condition, at)), Optional.empty());
        }
        if (condition instanceof Condition.All all) {
            List<Condition> pushed = new ArrayList<>();
            List<Condition> kept = new ArrayList<>();
            conjuncts(all).forEach(c -> (canTranslate(c) ? pushed : kept).add(c));
            Optional<SqlPredicate> where = pushed.isEmpty() ? Optional.empty()
                    : Optional.of(translateValid(pushed.size() == 1 ? pushed.get(0) : new Condition.All(pushed), at));
            return new Split(where, Optional.of(kept.size() == 1 ? kept.get(0) : new Condition.All(kept)));
        }
        return new Split(Optional.empty(), Optional.of(condition));
    }

    /**
     * Who entered and who exited a rule's selection between two instants, computed in the database: the customers
     * whose membership differs, as {@code MembershipSnapshot.diff} finds it between snapshots taken at the two
     * instants. The query returns {@code customer_id, entered} (true for an entry, false for an exit), ordered by
     * customer id, for a predicate on the customer table as this mapping refers to it.
     *
     * @param condition the condition, valid in the catalog and translatable whole
     * @param earlier the earlier instant
     * @param at the later instant
     * @param customerTable the customer table with its alias as the predicate refers to it, such as
     *        {@code crm_customers c}
     * @return the query
     * @throws InvalidDefinitionException when the condition is invalid or tests a fact with no column
     * @throws IllegalArgumentException when {@code earlier} is after {@code at} or the table is not an identifier
     *         and an alias
     */
    public SqlQuery changes(Condition condition, Instant earlier, Instant at, String customerTable) {
        if (earlier.isAfter(Objects.requireNonNull(at, "at"))) {
            throw new IllegalArgumentException("earlier must not be after " + at + ": " + earlier);
        }
        String[] table = Objects.requireNonNull(customerTable, "customerTable").split(" ", -1);
        if (table.length != 2) {
            throw new IllegalArgumentException("customerTable must be a table and an alias: \""
                    + CardNumbers.mask(customerTable) + "\"");
        }
        identifier("customerTable", table[0]);
        identifier("customerTable", table[1]);
        SqlPredicate now = translate(condition, at);
        SqlPredicate then = translate(condition, earlier);
        List<Object> params = new ArrayList<>(now.parameters());
        params.addAll(then.parameters());
        // Each predicate written once, so an engine plans each subquery once; both are two-valued, so comparing
        // them as booleans is exact.
        return new SqlQuery("SELECT customer_id, now_in AS entered FROM (SELECT " + idColumn + " AS customer_id, "
                + now.sql() + " AS now_in, " + then.sql() + " AS then_in FROM " + customerTable
                + ") flags WHERE now_in <> then_in ORDER BY customer_id", params);
    }

    /**
     * RFM scores computed in the database over the mapped touchpoint tables, equal to {@code Rfm.score} of
     * {@code Rfm.Input.of} for every customer with a purchase by the instant, ties included. The query returns
     * {@code customer_id, recency, frequency, monetary} (scores 1 to 5), ordered by customer id.
     *
     * @param at the instant the measures are taken at
     * @param currency the currency whose spend is counted
     * @return the query
     * @throws IllegalStateException when no touchpoint tables are mapped
     */
    public SqlQuery rfm(Instant at, java.util.Currency currency) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        requireTouchpoints("RFM");
        return sideTables.rfm(at, currency);
    }

    /**
     * How many customers have each pair of recency and frequency scores {@link #rfm} gives, counted in the
     * database: what {@code RfmGroup.of} groups, without a row per customer. The query returns
     * {@code recency, frequency, customers}, ordered by the first two.
     *
     * @param at the instant the measures are taken at
     * @param currency the currency whose spend is counted
     * @return the query
     * @throws IllegalStateException when no touchpoint tables are mapped
     */
    public SqlQuery rfmCells(Instant at, java.util.Currency currency) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        requireTouchpoints("RFM");
        return sideTables.rfmCells(at, currency);
    }

    private void requireTouchpoints(String what) {
        if (!sideTables.hasTouchpoints()) {
            throw new IllegalStateException(what + " reads the touchpoint tables: map them with Builder.tables");
        }
    }

    /**
     * Repeat-purchase summaries computed in the database and grouped, for a purchase model's fit from grouped
     * counts ({@code GroupedSummaries.Builder.add}): per customer with a purchase by the cut-off, the purchase days
     * after the first ({@code x}), and the days from the first purchase day to the last and to the cut-off, as
     * {@code RepeatSummary.of} counts them for the purchases dated at the offset. The query returns
     * {@code x, tx_days, age_days, customers}, one row per distinct summary, ordered by the first three.
     *
     * @param cutoff the last day of the calibration period
     * @param offset the offset from UTC whose calendar days the purchases are counted in; a zone with daylight
     *        saving time has none fixed, and is summarised in memory
     * @return the query
     * @throws IllegalStateException when no touchpoint tables are mapped
     */
    public SqlQuery repeatSummaries(java.time.LocalDate cutoff, java.time.ZoneOffset offset) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(offset, "offset");
        requireTouchpoints("a summary");
        return sideTables.repeatSummaries(cutoff, offset);
    }

    /**
     * Every customer's repeat-purchase summary, computed in the database and left ungrouped, for scoring where the
     * data is: per customer with a purchase by the cut-off, as {@link #repeatSummaries} counts it, and the value of
     * the purchase days after the first, a purchase's value being its amount in the currency (a purchase in
     * another currency or without an amount counts as one of no value). The query returns {@code customer_id, x,
     * tx_days, age_days, repeat_value}, ordered by customer id: {@code RepeatSummary}'s mean is
     * {@code repeat_value / x}.
     *
     * @param cutoff the last day of the calibration period
     * @param offset the offset from UTC whose calendar days the purchases are counted in
     * @param currency the currency whose amounts are the purchases' values
     * @return the query
     * @throws IllegalStateException when no touchpoint tables are mapped
     */
    public SqlQuery customerSummaries(java.time.LocalDate cutoff, java.time.ZoneOffset offset,
                                      java.util.Currency currency) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(currency, "currency");
        requireTouchpoints("a summary");
        return sideTables.customerSummaries(cutoff, offset, currency);
    }

    private static List<Condition> conjuncts(Condition.All all) {
        List<Condition> out = new ArrayList<>();
        for (Condition c : all.conditions()) {
            if (c instanceof Condition.All nested) {
                out.addAll(conjuncts(nested));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * A condition split between the database and memory.
     *
     * @param where the predicate for the database; empty to select every customer
     * @param residual what to test in memory on the selected customers; empty when the predicate is exact
     */
    public record Split(Optional<SqlPredicate> where, Optional<Condition> residual) {
        /** Checks for nulls. */
        public Split {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(residual, "residual");
        }
    }

    private String sql(Condition c, String path, Instant at, List<Object> params) {
        if (c instanceof Condition.All all) {
            return joined(all.conditions(), " AND ", path + ".all", at, params);
        }
        if (c instanceof Condition.Any any) {
            return joined(any.conditions(), " OR ", path + ".any", at, params);
        }
        if (c instanceof Condition.Not not) {
            return "(NOT " + sql(not.condition(), path + ".not", at, params) + ")";
        }
        Condition.Test t = (Condition.Test) c;
        String column = columns.get(t.fact());
        if (column != null) {
            return scalar(column, t, params);
        }
        SetTable table = setTables.get(t.fact());
        if (table == null && sideTables.handles(t.fact(), catalog)) {
            return sideTables.sql(t, catalog, at, params);
        }
        if (table == null) {
            throw new InvalidDefinitionException(path + ".fact", "fact has no column to translate to SQL: "
                    + t.fact(), null);
        }
        return set(table, t, params);
    }

    private String joined(List<Condition> parts, String op, String path, Instant at, List<Object> params) {
        StringJoiner j = new StringJoiner(op, "(", ")");
        for (int i = 0; i < parts.size(); i++) {
            j.add(sql(parts.get(i), path + "[" + i + "]", at, params));
        }
        return j.toString();
    }

    private static String scalar(String column, Condition.Test t, List<Object> params) {
        String guard = "(" + column + " IS NOT NULL AND " + column;
        return switch (t.operator()) {
            case PRESENT -> "(" + column + " IS NOT NULL)";
            case ABSENT -> "(" + column + " IS NULL)";
            case EQ -> bind(guard + " = ?)", t.operands(), params);
            case NE -> bind(guard + " <> ?)", t.operands(), params);
            case LT -> bind(guard + " < ?)", t.operands(), params);
            case LE -> bind(guard + " <= ?)", t.operands(), params);
            case GT -> bind(guard + " > ?)", t.operands(), params);
            case GE -> bind(guard + " >= ?)", t.operands(), params);
            case IN -> bind(guard + " IN " + placeholders(t.operands().size()) + ")", t.operands(), params);
            case CONTAINS, CONTAINS_ANY -> throw new IllegalStateException("set operator on a scalar column: " + t);
        };
    }

    private String set(SetTable table, Condition.Test t, List<Object> params) {
        String exists = "(EXISTS (SELECT 1 FROM " + table.table + " WHERE " + table.table + "." + table.customerColumn
                + " = " + idColumn + " AND " + table.table + "." + table.valueColumn;
        return switch (t.operator()) {
            // A set fact always has a value, possibly empty.
            case PRESENT -> "(1 = 1)";
            case ABSENT -> "(1 = 0)";
            case CONTAINS -> bind(exists + " = ?))", t.operands(), params);
            case CONTAINS_ANY -> bind(exists + " IN " + placeholders(t.operands().size()) + "))", t.operands(),
                    params);
            default -> throw new IllegalStateException("scalar operator on a set table: " + t);
        };
    }

    private static String bind(String sql, List<AttributeValue> operands, List<Object> params) {
        operands.forEach(o -> params.add(o.raw()));
        return sql;
    }

    private static String placeholders(int n) {
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < n; i++) {
            j.add("?");
        }
        return j.toString();
    }

    private static String identifier(String field, String value) {
        Objects.requireNonNull(value, field);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be an SQL identifier, optionally qualified: \""
                    + CardNumbers.mask(value) + "\"");
        }
        return value;
    }

    private record SetTable(String table, String customerColumn, String valueColumn) {
    }

    /** Maps facts to columns. Not thread-safe. */
    public static final class Builder {
        private final FactCatalog catalog;
        private final String idColumn;
        private final Map<FactRef, String> columns = new HashMap<>();
        private final Map<FactRef, SetTable> setTables = new HashMap<>();
        private SqlPushdown.@Nullable Tables tables;
        private SqlDialect dialect = SqlDialect.STANDARD;

        private Builder(FactCatalog catalog, String idColumn) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            this.idColumn = idColumn;
        }

        /**
         * Maps a text, number, flag or date fact to a column.
         *
         * @param fact the fact, with its parameters if it has any
         * @param column the column as the predicate refers to it, such as {@code c.lifecycle_stage}
         * @return this builder
         * @throws IllegalArgumentException when the fact is unknown or a set, or the column is not an identifier
         */
        public Builder column(FactRef fact, String column) {
            FactType type = typeOf(fact);
            if (type == FactType.TEXT_SET) {
                throw new IllegalArgumentException("set fact needs a side table, not a column: " + fact);
            }
            columns.put(fact, identifier("column", column));
            return this;
        }

        /**
         * Maps a text-set fact to a side table with one row per customer and value.
         *
         * @param fact the fact
         * @param table the side table
         * @param customerColumn its column holding the customer id
         * @param valueColumn its column holding one value
         * @return this builder
         * @throws IllegalArgumentException when the fact is unknown or not a set, or a name is not an identifier
         */
        public Builder setTable(FactRef fact, String table, String customerColumn, String valueColumn) {
            if (typeOf(fact) != FactType.TEXT_SET) {
                throw new IllegalArgumentException("only a set fact maps to a side table: " + fact);
            }
            setTables.put(fact, new SetTable(identifier("table", table), identifier("customerColumn", customerColumn),
                    identifier("valueColumn", valueColumn)));
            return this;
        }

        /**
         * Maps the facts read from side tables: touchpoint aggregates, consents, custom attributes and preferences.
         * A column mapped for one of them wins over the side table.
         *
         * @param tables the tables, of the shapes {@link Tables} describes
         * @return this builder
         */
        public Builder tables(Tables tables) {
            this.tables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /**
         * Sets the engine the SQL is written for; {@link SqlDialect#STANDARD} unless set.
         *
         * @param dialect the engine
         * @return this builder
         */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        private FactType typeOf(FactRef fact) {
            return catalog.definition(fact.name()).map(FactDefinition::type)
                    .orElseThrow(() -> new IllegalArgumentException("unknown fact: \"" + fact.name() + "\""));
        }

        /** {@return the translator} */
        public SqlPushdown build() {
            return new SqlPushdown(this);
        }
    }
}
