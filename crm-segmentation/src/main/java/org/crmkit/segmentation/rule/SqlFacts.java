package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.Channel;
import org.crmkit.core.consent.Purpose;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.preference.Polarity;
import org.crmkit.core.preference.PreferenceKey;
import org.crmkit.core.touchpoint.TouchpointKind;
import org.jspecify.annotations.Nullable;

/**
 * The tests {@link SqlPushdown} translates over side tables: touchpoint aggregates, consents at an instant, custom
 * attributes and preferences. Each test is one correlated subquery on the customer id, two-valued (an
 * {@code EXISTS}), so that it composes under all, any and not. Numbers the rule language rounds (a spend per week,
 * per purchase, a brand's share: six decimals, half-even) and whole days are compared by multiplication against
 * bounds worked out here from the operand, never by dividing in SQL, so every engine selects exactly what the
 * in-memory rule selects.
 */
final class SqlFacts {
    private static final BigDecimal STEP = new BigDecimal("0.000001");
    private static final BigDecimal HALF_STEP = new BigDecimal("0.0000005");
    private static final String TRUE = "(1 = 1)";
    private static final String FALSE = "(1 = 0)";

    private final String id;
    private final SqlPushdown.@Nullable Tables tables;
    private final SqlDialect dialect;

    SqlFacts(String idColumn, SqlPushdown.@Nullable Tables tables, SqlDialect dialect) {
        this.id = idColumn;
        this.tables = tables;
        this.dialect = dialect;
    }

    /** {@return whether touchpoint tables are mapped} */
    boolean hasTouchpoints() {
        return tables != null && tables.touchpoints() != null;
    }

    /** {@return whether the test's fact is translated here} */
    boolean handles(FactRef fact, FactCatalog catalog) {
        if (tables == null) {
            return false;
        }
        String name = fact.name();
        if (name.startsWith("touchpoints.")) {
            return tables.touchpoints() != null && StandardFacts.isAggregate(name);
        }
        if (name.startsWith(Facts.ATTRIBUTE_PREFIX)) {
            return tables.attributes() != null && catalog.definition(name).isPresent();
        }
        return switch (name) {
            case Facts.CONSENT -> tables.consents() != null;
            case Facts.PREFERENCE -> tables.preferences() != null;
            default -> false;
        };
    }

    /** The test as SQL, its values appended to {@code params} in the order of their markers. */
    String sql(Condition.Test t, FactCatalog catalog, Instant at, List<Object> params) {
        SqlPushdown.Tables m = Objects.requireNonNull(tables);
        String name = t.fact().name();
        if (name.startsWith(Facts.ATTRIBUTE_PREFIX)) {
            FactType type = catalog.definition(name).orElseThrow().type();
            return attribute(m.attributes(), name.substring(Facts.ATTRIBUTE_PREFIX.length()), type, t, params);
        }
        if (name.equals(Facts.CONSENT)) {
            return consent(m.consents(), t, at, params);
        }
        if (name.equals(Facts.PREFERENCE)) {
            return preference(m.preferences(), t, params);
        }
        return aggregate(m, t, at, params);
    }

    // --- attributes, preferences, consents

    private String attribute(String table, String attribute, FactType type, Condition.Test t, List<Object> params) {
        String column = "a." + switch (type) {
            case TEXT -> "text_value";
            case NUMBER -> "number_value";
            case FLAG -> "flag_value";
            case DATE -> "date_value";
            case TEXT_SET -> throw new IllegalStateException("attribute of a set type: " + attribute);
        };
        Out o = new Out(params);
        o.sql(t.operator() == Operator.ABSENT ? "(NOT " : "(").sql("EXISTS (SELECT 1 FROM " + table
                + " a WHERE a.customer_id = " + id + " AND a.name = ").value(attribute)
                .sql(" AND " + column + " IS NOT NULL");
        switch (t.operator()) {
            case PRESENT, ABSENT -> { }
            case IN -> {
                List<AttributeValue> within = withinRange(t.operands());
                if (within.isEmpty()) {
                    o.sql(" AND " + FALSE);
                } else {
                    o.sql(" AND " + column + " IN ").with(markers(within));
                }
            }
            case CONTAINS, CONTAINS_ANY -> throw new IllegalStateException("set operator on an attribute: " + t);
            default -> {
                Boolean decided = decided(t.operator(), t.operands().get(0).raw());
                o.sql(" AND ");
                if (decided != null) {
                    o.sql(decided ? TRUE : FALSE);
                } else {
                    o.sql(column + " " + comparison(t.operator()) + " ").value(t.operands().get(0).raw());
                }
            }
        }
        return o.sql("))").toString();
    }

    private String preference(String table, Condition.Test t, List<Object> params) {
        PreferenceKey key = PreferenceKey.parse(t.fact().parameters().get("key"));
        Polarity polarity = EnumNames.parse(Polarity.class, t.fact().parameters().getOrDefault("polarity", "likes"));
        return switch (t.operator()) {
            case PRESENT -> TRUE; // a set fact always has a value, possibly empty
            case ABSENT -> FALSE;
            case CONTAINS, CONTAINS_ANY -> new Out(params).sql("(EXISTS (SELECT 1 FROM " + table
                    + " p WHERE p.customer_id = " + id + " AND p.pref_key = ").value(key.toString())
                    .sql(" AND p.polarity = ").value(EnumNames.of(polarity)).sql(" AND p.pref_value IN ")
                    .with(markers(t.operands())).sql("))").toString();
            default -> throw new IllegalStateException("scalar operator on a set fact: " + t);
        };
    }

    /**
     * A purpose and channel are allowed when a grant at or before the instant applies and no withdrawal applies
     * from it up to the instant: the latest record decides, a withdrawal winning a tie.
     */
    private String consent(String table, Condition.Test t, Instant at, List<Object> params) {
        String purpose = Purpose.of(t.fact().parameters().get("purpose")).code();
        String channel = Channel.of(t.fact().parameters().get("channel")).code();
        Expr allowed = o -> o.sql("EXISTS (SELECT 1 FROM " + table + " g WHERE g.customer_id = " + id
                        + " AND g.purpose = ").value(purpose)
                .sql(" AND (g.channel IS NULL OR g.channel = ").value(channel)
                .sql(") AND g.granted AND ").with(notAfter("g", at)).sql(" AND NOT EXISTS (SELECT 1 FROM " + table
                        // The grant's customer, not the outer id: Spark resolves columns of the next query out only.
                        + " w WHERE w.customer_id = g.customer_id AND w.purpose = ").value(purpose)
                .sql(" AND (w.channel IS NULL OR w.channel = ").value(channel)
                .sql(") AND NOT w.granted AND (w.at_second > g.at_second OR w.at_second = g.at_second"
                        + " AND w.at_nano >= g.at_nano) AND ")
                .with(notAfter("w", at)).sql("))");
        boolean wanted = switch (t.operator()) {
            case PRESENT -> true; // a flag fact always has a value
            case ABSENT -> false;
            case EQ -> flag(t.operands().get(0));
            case NE -> !flag(t.operands().get(0));
            default -> throw new IllegalStateException("operator on a flag: " + t);
        };
        if (t.operator() == Operator.PRESENT || t.operator() == Operator.ABSENT) {
            return wanted ? TRUE : FALSE;
        }
        return new Out(params).sql(wanted ? "(" : "(NOT ").with(allowed).sql(")").toString();
    }

    private static boolean flag(AttributeValue v) {
        return (Boolean) v.raw();
    }

    // --- touchpoint aggregates

    /** SQL text with its markers' values, written in text order so that they cannot fall out of step. */
    static final class Out {
        private final StringBuilder text = new StringBuilder();
        final List<Object> params;

        Out(List<Object> params) {
            this.params = params;
        }

        Out sql(String s) {
            text.append(s);
            return this;
        }

        Out value(Object v) {
            text.append('?');
            params.add(v);
            return this;
        }

        Out with(Expr e) {
            e.write(this);
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** An SQL expression that may hold markers, written where it is used (as often as it is used). */
    @FunctionalInterface
    interface Expr {
        void write(Out out);

        static Expr of(String sql) {
            return out -> out.sql(sql);
        }
    }

    /** The rows an aggregate reads, and the aggregate expressions over them. */
    private record Source(Expr from, Expr where, Expr value, Expr count) {
    }

    private String aggregate(SqlPushdown.Tables m, Condition.Test t, Instant at, List<Object> params) {
        StandardFacts.TouchpointFilter f = StandardFacts.filterOf(t.fact());
        Out out = new Out(params);
        switch (t.fact().name()) {
            case Facts.TOUCHPOINT_COUNT -> whole(out, counted(m, f, at), t);
            case Facts.SPEND -> plain(out, spend(m, f, at), t);
            case Facts.WEEKLY_SPEND -> {
                Source s = spend(m, f, at);
                Expr weekly = o -> o.sql("(").with(s.value).sql(") * 7");
                ratio(out, new Source(s.from, s.where, weekly, Expr.of(String.valueOf(f.days()))), false, t);
            }
            case Facts.AVERAGE_SPEND -> ratio(out, spend(m, f, at), true, t);
            case Facts.DAYS_SINCE_LAST -> days(out, counted(m, f, at), f.byLines() ? "l" : "t", at, t);
            case Facts.DISTINCT_CATEGORIES -> whole(out, distinct(m, f, at, "l.category"), t);
            case Facts.DISTINCT_BRANDS -> whole(out, distinct(m, f, at, "l.brand"), t);
            case Facts.BRAND_SHARE -> {
                Expr brand = o -> o.sql("COALESCE(SUM(CASE WHEN l.brand = ").value(f.brand())
                        .sql(" THEN l.quantity ELSE 0 END), 0)");
                ratio(out, new Source(Expr.of(m.lines() + " l"), lineRows(f, at, false), brand,
                        Expr.of("COALESCE(SUM(l.quantity), 0)")), true, t);
            }
            default -> throw new IllegalStateException("not an aggregate: " + t.fact());
        }
        return out.toString();
    }

    private static final Expr LINES_COUNTED = Expr.of("COUNT(DISTINCT l.touchpoint_id)");
    private static final Expr ROWS = Expr.of("COUNT(*)");

    /** The matching touchpoints; with a category or brand, those with a matching line. */
    private Source counted(SqlPushdown.Tables m, StandardFacts.TouchpointFilter f, Instant at) {
        return f.byLines()
                ? new Source(Expr.of(m.lines() + " l"), lineRows(f, at, true), LINES_COUNTED, LINES_COUNTED)
                : new Source(Expr.of(m.touchpoints() + " t"), rows("t", f, at), ROWS, ROWS);
    }

    private Source distinct(SqlPushdown.Tables m, StandardFacts.TouchpointFilter f, Instant at, String key) {
        Expr value = Expr.of("COUNT(DISTINCT " + key + ")");
        return new Source(Expr.of(m.lines() + " l"), lineRows(f, at, true), value, value);
    }

    /**
     * Spend: a touchpoint's amount when it has one (nothing when in another currency), else its lines in the
     * currency; with a category or brand, the matching lines only. The count is of the touchpoints matched.
     */
    private Source spend(SqlPushdown.Tables m, StandardFacts.TouchpointFilter f, Instant at) {
        String currency = Objects.requireNonNull(f.currency()).getCurrencyCode();
        if (f.byLines()) {
            return new Source(Expr.of(m.lines() + " l"), lineRows(f, at, true),
                    o -> o.sql("COALESCE(SUM(CASE WHEN l.currency = ").value(currency)
                            .sql(" THEN l.line_value ELSE 0 END), 0)"),
                    LINES_COUNTED);
        }
        return new Source(Expr.of(m.touchpoints() + " t LEFT JOIN " + m.lines()
                        + " l ON l.touchpoint_id = t.id AND t.amount IS NULL"), rows("t", f, at),
                o -> o.sql("COALESCE(SUM(CASE WHEN t.amount IS NOT NULL THEN (CASE WHEN t.currency = ").value(currency)
                        .sql(" THEN t.amount ELSE 0 END) WHEN l.currency = ").value(currency)
                        .sql(" THEN l.line_value ELSE 0 END), 0)"),
                Expr.of("COUNT(DISTINCT t.id)"));
    }

    /** Lines of matching touchpoints, of the filter's category and, with {@code byBrand}, of its brand. */
    private Expr lineRows(StandardFacts.TouchpointFilter f, Instant at, boolean byBrand) {
        Expr rows = rows("l", f, at);
        return o -> {
            o.with(rows);
            if (f.category() != null) {
                o.sql(" AND l.category = ").value(f.category());
            }
            if (byBrand && f.brand() != null) {
                o.sql(" AND l.brand = ").value(f.brand());
            }
        };
    }

    /** The customer's rows up to the instant, in the window, of the kind and channel when given. */
    private Expr rows(String alias, StandardFacts.TouchpointFilter f, Instant at) {
        Expr all = rowsOf(alias, f, at);
        return o -> o.sql(alias + ".customer_id = " + id + " AND ").with(all);
    }

    /** Every customer's rows up to the instant, in the window, of the kind and channel when given. */
    private static Expr rowsOf(String alias, StandardFacts.TouchpointFilter f, Instant at) {
        return o -> {
            o.with(notAfter(alias, at));
            if (f.window() != null) {
                o.sql(" AND ").with(after(alias, at.minus(f.window())));
            }
            if (f.kind() != null) {
                o.sql(" AND " + alias + ".kind = ").value(f.kind().code());
            }
            if (f.channel() != null) {
                o.sql(" AND " + alias + ".channel = ").value(f.channel().code());
            }
        };
    }

    /** A fact that always has a value: the aggregate compared with the operands. */
    private void plain(Out out, Source s, Condition.Test t) {
        switch (t.operator()) {
            case PRESENT -> out.sql(TRUE);
            case ABSENT -> out.sql(FALSE);
            case IN -> {
                List<AttributeValue> within = withinRange(t.operands());
                if (within.isEmpty()) {
                    out.sql(FALSE);
                } else {
                    having(out, s, o -> o.with(s.value).sql(" IN ").with(markers(within)));
                }
            }
            default -> {
                Boolean decided = decided(t.operator(), t.operands().get(0).raw());
                if (decided != null) {
                    out.sql(decided ? TRUE : FALSE); // the fact always has a value
                } else {
                    having(out, s, o -> o.with(s.value).sql(" " + comparison(t.operator()) + " ")
                            .value(t.operands().get(0).raw()));
                }
            }
        }
    }

    /**
     * A comparison with a number beyond every value the engine's tables hold, decided here; null when the
     * engine decides it.
     */
    private @Nullable Boolean decided(Operator op, Object operand) {
        if (!(operand instanceof BigDecimal v) || !dialect.beyondRange(v)) {
            return null;
        }
        return switch (op) {
            case EQ -> false;
            case NE -> true;
            case GT, GE -> v.signum() < 0;
            case LT, LE -> v.signum() > 0;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    /** The operands a value the engine holds could equal. */
    private List<AttributeValue> withinRange(List<AttributeValue> operands) {
        return operands.stream().filter(v -> !(v.raw() instanceof BigDecimal d) || !dialect.beyondRange(d))
                .toList();
    }

    /**
     * A whole number (a count) compared with the operands as whole numbers: {@code count >= 2.5} is
     * {@code count >= 3}, bound as a long, so that no engine converts a fractional operand to the count's type.
     */
    private static void whole(Out out, Source s, Condition.Test t) {
        switch (t.operator()) {
            case PRESENT -> out.sql(TRUE);
            case ABSENT -> out.sql(FALSE);
            default -> having(out, s, o -> onGrid(o, t, BigDecimal.ONE,
                    (x, w) -> x.sql("(").with(s.value).sql(" >= ").value(clamp(w)).sql(")")));
        }
    }

    /**
     * A number rounded to six decimals (half-even) from the source's value divided by its count; without a value
     * when {@code nullable} and the count is zero.
     */
    private void ratio(Out out, Source s, boolean nullable, Condition.Test t) {
        Expr p = s.value;
        Expr q = s.count;
        Expr present = o -> o.sql("(").with(q).sql(") > 0");
        switch (t.operator()) {
            case PRESENT -> {
                if (nullable) {
                    having(out, s, present);
                } else {
                    out.sql(TRUE);
                }
            }
            case ABSENT -> {
                if (nullable) {
                    having(out, s, o -> o.sql("(").with(q).sql(") = 0"));
                } else {
                    out.sql(FALSE);
                }
            }
            default -> having(out, s, o -> {
                if (nullable) {
                    o.with(present).sql(" AND ");
                }
                roundedTest(o, p, q, t);
            });
        }
    }

    private void roundedTest(Out o, Expr p, Expr q, Condition.Test t) {
        onGrid(o, t, STEP, (out, w) -> atLeast(out, p, q, w));
    }

    /** Writes "the value is at least {@code w}" for a {@code w} on the value's grid. */
    @FunctionalInterface
    private interface AtLeast {
        void write(Out o, BigDecimal w);
    }

    /**
     * A value that only takes multiples of {@code step} (millionths once rounded, whole days) compared with the
     * operands: each comparison becomes "at least" a multiple of the step, so no operand is ever divided or
     * rounded by an engine.
     */
    private static void onGrid(Out o, Condition.Test t, BigDecimal step, AtLeast atLeast) {
        switch (t.operator()) {
            case GE -> atLeast.write(o, up(number(t, 0), step));
            case GT -> atLeast.write(o, down(number(t, 0), step).add(step));
            case LT -> atLeast.write(o.sql("NOT "), up(number(t, 0), step));
            case LE -> atLeast.write(o.sql("NOT "), down(number(t, 0), step).add(step));
            case EQ -> onGridEqual(o, number(t, 0), step, atLeast);
            case NE -> onGridEqual(o.sql("NOT "), number(t, 0), step, atLeast);
            case IN -> {
                o.sql("(");
                for (int i = 0; i < t.operands().size(); i++) {
                    onGridEqual(o.sql(i == 0 ? "" : " OR "), number(t, i), step, atLeast);
                }
                o.sql(")");
            }
            default -> throw new IllegalStateException("operator on a number: " + t);
        }
    }

    private static void onGridEqual(Out o, BigDecimal v, BigDecimal step, AtLeast atLeast) {
        if (v.remainder(step).signum() != 0) {
            o.sql(FALSE); // a value on the grid never equals one between its points
            return;
        }
        atLeast.write(o.sql("("), v);
        atLeast.write(o.sql(" AND NOT "), v.add(step));
        o.sql(")");
    }

    private static BigDecimal up(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    private static BigDecimal down(BigDecimal v, BigDecimal step) {
        return v.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    }

    /**
     * The value {@code p / q} (q positive) rounded is at least {@code w}, a multiple of a millionth, exactly when
     * the quotient is at least halfway below {@code w}; the halfway point itself counts when half-even rounding
     * takes it up to {@code w}, that is when {@code w} is an even number of millionths.
     */
    private void atLeast(Out o, Expr p, Expr q, BigDecimal w) {
        if (dialect.beyondRange(w)) {
            o.sql(w.signum() > 0 ? FALSE : TRUE); // no ratio of values the tables hold reaches it
            return;
        }
        boolean tieGoesUp = !w.movePointRight(6).toBigIntegerExact().testBit(0);
        // The bound is cast: an engine would otherwise take a marker beside a count for a whole number.
        o.sql("((").with(p).sql(") " + (tieGoesUp ? ">=" : ">") + " " + dialect.boundType(true) + "CAST(")
                .value(w.subtract(HALF_STEP)).sql(" AS DECIMAL(38, 7)) * (").with(q).sql(")" + dialect.boundType(false)
                        + ")");
    }

    /**
     * Whole days since the latest matching row, no value without one: at least {@code k} days exactly when no
     * matching row is later than {@code k} days before the instant.
     */
    private static void days(Out out, Source s, String alias, Instant at, Condition.Test t) {
        having(out, s, o -> {
            switch (t.operator()) {
                case PRESENT -> o.sql("COUNT(*) > 0");
                case ABSENT -> o.sql("COUNT(*) = 0");
                default -> onGrid(o.sql("COUNT(*) > 0 AND "), t, BigDecimal.ONE,
                        (x, w) -> atLeastDays(x, alias, at, clamp(w)));
            }
        });
    }

    private static void atLeastDays(Out o, String alias, Instant at, long k) {
        if (k <= 0) {
            o.sql(TRUE);
            return;
        }
        Instant latest;
        try {
            latest = at.minus(Duration.ofDays(k));
        } catch (ArithmeticException | DateTimeException e) {
            o.sql(FALSE); // no instant is that long before
            return;
        }
        o.sql("(COUNT(CASE WHEN ").with(after(alias, latest)).sql(" THEN 1 END) = 0)");
    }

    /** Beyond any count and any instant's reach in days, numbers are all alike. */
    private static final long LIMIT = Long.MAX_VALUE / 86_400 / 2;

    private static long clamp(BigDecimal v) {
        BigDecimal limit = BigDecimal.valueOf(LIMIT);
        return v.max(limit.negate()).min(limit).longValueExact();
    }

    private static BigDecimal number(Condition.Test t, int i) {
        return (BigDecimal) t.operands().get(i).raw();
    }

    private static void having(Out out, Source s, Expr condition) {
        out.sql("(EXISTS (SELECT 1 FROM ").with(s.from).sql(" WHERE ").with(s.where).sql(" HAVING ").with(condition)
                .sql("))");
    }

    // --- analyses over the purchases

    /**
     * RFM scores as {@code Rfm.score} gives them for {@code Rfm.Input.of} at the instant: per customer with a
     * purchase by then, whole days since the latest, purchases and their spend in the currency, each ranked over
     * the customers (spend as a double, as in memory): {@code 1 + 5 * (customers strictly worse) / customers}.
     */
    SqlQuery rfm(Instant at, java.util.Currency currency) {
        Out o = scores(at, currency);
        return new SqlQuery(o.sql(" ORDER BY customer_id").toString(), o.params);
    }

    /** How many customers have each pair of recency and frequency scores, as {@link #rfm} scores them. */
    SqlQuery rfmCells(Instant at, java.util.Currency currency) {
        Out o = new Out(new java.util.ArrayList<>()).sql("SELECT recency, frequency, COUNT(*) AS customers FROM (");
        Out scores = scores(at, currency);
        o.params.addAll(scores.params);
        o.sql(scores.toString()).sql(") scores GROUP BY recency, frequency ORDER BY recency, frequency");
        return new SqlQuery(o.toString(), o.params);
    }

    private Out scores(Instant at, java.util.Currency currency) {
        SqlPushdown.Tables m = Objects.requireNonNull(tables);
        StandardFacts.TouchpointFilter purchases = StandardFacts.filterOf(FactRef.of(Facts.SPEND)
                .with("currency", currency.getCurrencyCode()));
        Source spend = spend(m, purchases, at);
        Out o = new Out(new java.util.ArrayList<>());
        String div = dialect.wholeDivision();
        o.sql("SELECT customer_id, 1 + (5 * (RANK() OVER (ORDER BY recency_days DESC) - 1))" + div + "COUNT(*) OVER ()"
                + " AS recency, 1 + (5 * (RANK() OVER (ORDER BY frequency) - 1))" + div + "COUNT(*) OVER () AS"
                + " frequency, 1 + (5 * (RANK() OVER (ORDER BY monetary) - 1))" + div + "COUNT(*) OVER () AS monetary"
                + " FROM (SELECT t.customer_id AS customer_id, MIN((").value(at.getEpochSecond())
                .sql(" - t.at_second - CASE WHEN ").value(at.getNano())
                .sql(" < t.at_nano THEN 1 ELSE 0 END)" + div + "86400) AS recency_days,"
                        + " COUNT(DISTINCT t.id) AS frequency, CAST(").with(spend.value)
                .sql(" AS " + dialect.doubleType() + ") AS monetary FROM ").with(spend.from)
                .sql(" WHERE ").with(rowsOf("t", purchases, at)).sql(" GROUP BY t.customer_id) measured");
        return o;
    }

    /**
     * Every customer's purchase days up to a cut-off, grouped as {@code GroupedSummaries} holds them: a purchase's
     * day is its calendar day at a fixed offset from UTC, days with several purchases count once.
     */
    SqlQuery repeatSummaries(java.time.LocalDate cutoff, java.time.ZoneOffset offset) {
        Out o = new Out(new java.util.ArrayList<>());
        o.sql("SELECT x, tx_days, age_days, COUNT(*) AS customers FROM (SELECT customer_id,"
                + " COUNT(DISTINCT purchase_day) - 1 AS x, MAX(purchase_day) - MIN(purchase_day) AS tx_days, ")
                .value(cutoff.toEpochDay()).sql(" - MIN(purchase_day) AS age_days FROM (")
                .with(purchaseDays(cutoff, offset, null))
                .sql(") purchases GROUP BY customer_id) summaries GROUP BY x, tx_days, age_days"
                        + " ORDER BY x, tx_days, age_days");
        return new SqlQuery(o.toString(), o.params);
    }

    /**
     * Every customer's repeat-purchase summary up to a cut-off, as {@code RepeatSummary.of} makes it from the
     * purchases dated at a fixed offset, the value of a purchase being its amount in the currency (none in another
     * currency or without an amount): {@code customer_id, x, tx_days, age_days, repeat_value}, the last the total
     * of the purchase days after the first, exactly.
     */
    SqlQuery customerSummaries(java.time.LocalDate cutoff, java.time.ZoneOffset offset, java.util.Currency currency) {
        Out o = new Out(new java.util.ArrayList<>());
        o.sql("SELECT customer_id, COUNT(DISTINCT purchase_day) - 1 AS x, MAX(purchase_day) - MIN(purchase_day)"
                        + " AS tx_days, ").value(cutoff.toEpochDay())
                .sql(" - MIN(purchase_day) AS age_days, COALESCE(SUM(CASE WHEN purchase_day > first_day THEN"
                        + " purchase_value ELSE 0 END), 0) AS repeat_value FROM (SELECT customer_id, purchase_day,"
                        + " purchase_value, MIN(purchase_day) OVER (PARTITION BY customer_id) AS first_day FROM (")
                .with(purchaseDays(cutoff, offset, currency.getCurrencyCode()))
                .sql(") purchases) dated GROUP BY customer_id ORDER BY customer_id");
        return new SqlQuery(o.toString(), o.params);
    }

    /**
     * Purchases up to a cut-off: {@code customer_id, purchase_day} (its calendar day at the offset, as days since
     * the epoch) and, with a currency, {@code purchase_value}.
     */
    private Expr purchaseDays(java.time.LocalDate cutoff, java.time.ZoneOffset offset, @Nullable String currency) {
        SqlPushdown.Tables m = Objects.requireNonNull(tables);
        // Floor division by a day's seconds, also before 1970, where SQL's division truncates towards zero.
        String local = "(t.at_second + " + offset.getTotalSeconds() + ")";
        String day = local + dialect.wholeDivision() + "86400 - CASE WHEN " + local + " < 0 AND MOD(" + local
                + ", 86400) <> 0 THEN 1 ELSE 0 END";
        return o -> {
            o.sql("SELECT customer_id, purchase_day" + (currency == null ? "" : ", purchase_value")
                    + " FROM (SELECT t.customer_id AS customer_id, " + day + " AS purchase_day");
            if (currency != null) {
                o.sql(", CASE WHEN t.currency = ").value(currency)
                        .sql(" AND t.amount IS NOT NULL THEN t.amount ELSE 0 END AS purchase_value");
            }
            o.sql(" FROM " + m.touchpoints() + " t WHERE t.kind = ").value(TouchpointKind.PURCHASE.code())
                    .sql(") all_purchases WHERE purchase_day <= ").value(cutoff.toEpochDay());
        };
    }

    // --- instants, kept as a second and a nano column

    private static Expr notAfter(String alias, Instant at) {
        return o -> o.sql("(" + alias + ".at_second < ").value(at.getEpochSecond())
                .sql(" OR " + alias + ".at_second = ").value(at.getEpochSecond())
                .sql(" AND " + alias + ".at_nano <= ").value(at.getNano()).sql(")");
    }

    private static Expr after(String alias, Instant from) {
        return o -> o.sql("(" + alias + ".at_second > ").value(from.getEpochSecond()).sql(" OR " + alias
                + ".at_second = ").value(from.getEpochSecond()).sql(" AND " + alias + ".at_nano > ")
                .value(from.getNano()).sql(")");
    }

    // --- operators and markers

    static String comparison(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    private static Expr markers(List<AttributeValue> operands) {
        return o -> {
            o.sql("(");
            for (int i = 0; i < operands.size(); i++) {
                o.sql(i == 0 ? "" : ", ").value(operands.get(i).raw());
            }
            o.sql(")");
        };
    }
}
