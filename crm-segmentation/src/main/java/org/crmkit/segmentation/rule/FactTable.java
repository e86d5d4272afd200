package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.customer.CustomerId;

/**
 * A population's facts for one instant held as columns, for batch work over a whole customer base: each fact a
 * rule uses is read once per customer while the table is built (aggregates over touchpoints included), kept in
 * primitive arrays, and a rule is then evaluated over the columns in tight loops, one test at a time, giving the
 * set of member rows. Numbers are kept as exact scaled {@code long}s and compared without allocation (a column
 * whose values do not fit falls back to exact decimals); text and flags are kept as codes into a dictionary of the
 * distinct values, so a test is decided once per distinct value; dates as day numbers; text sets as one bit set per
 * value. The answers are those of {@link Rule#test} on each customer's {@link Subject}.
 *
 * <p>Build with {@link #builder(FactCatalog, Collection)}, adding subjects as they are read (from memory, a file or
 * the database): nothing but the columns is kept. Immutable and thread-safe once built.
 */
public final class FactTable {
    private final FactCatalog catalog;
    private final int size;
    /** The customers' ids as UTF-8, one after another; row r's from {@code idStarts[r]} to {@code idStarts[r + 1]}. */
    private final byte[] idBytes;
    private final int[] idStarts;
    private final Map<FactRef, Column> columns;

    private FactTable(FactCatalog catalog, int size, byte[] idBytes, int[] idStarts, Map<FactRef, Column> columns) {
        this.catalog = catalog;
        this.size = size;
        this.idBytes = idBytes;
        this.idStarts = idStarts;
        this.columns = columns;
    }

    /**
     * Starts a table holding the given facts.
     *
     * @param catalog the catalog the facts and the rules evaluated over the table are checked against
     * @param facts the facts to hold, each with its parameters
     * @return the builder
     * @throws InvalidDefinitionException when a fact is unknown or its parameters are wrong
     */
    public static Builder builder(FactCatalog catalog, Collection<FactRef> facts) {
        return new Builder(Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(facts, "facts"));
    }

    /**
     * Starts a table holding every fact the rules test.
     *
     * @param catalog the catalog
     * @param rules the rules the table is for
     * @return the builder
     * @throws InvalidDefinitionException when a rule names an unknown fact
     */
    public static Builder builder(FactCatalog catalog, Condition... rules) {
        Set<FactRef> facts = new LinkedHashSet<>();
        for (Condition rule : rules) {
            collect(Objects.requireNonNull(rule, "rule"), facts);
        }
        return builder(catalog, facts);
    }

    private static void collect(Condition c, Set<FactRef> out) {
        if (c instanceof Condition.All all) {
            all.conditions().forEach(p -> collect(p, out));
        } else if (c instanceof Condition.Any any) {
            any.conditions().forEach(p -> collect(p, out));
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), out);
        } else {
            out.add(((Condition.Test) c).fact());
        }
    }

    /** {@return how many customers the table holds} */
    public int size() {
        return size;
    }

    /**
     * The customer in a row.
     *
     * @param row the row, as {@link #select} numbers it
     * @return the customer's id
     * @throws IndexOutOfBoundsException when the row is not in the table
     */
    public CustomerId id(int row) {
        Objects.checkIndex(row, size);
        return CustomerId.of(new String(idBytes, idStarts[row], idStarts[row + 1] - idStarts[row],
                StandardCharsets.UTF_8));
    }

    /** {@return the facts held} */
    public Set<FactRef> facts() {
        return Collections.unmodifiableSet(columns.keySet());
    }

    /** {@return the bytes the columns hold, customer ids excluded: what a rule's facts cost per table} */
    public long columnBytes() {
        long bytes = 0;
        for (Column c : columns.values()) {
            bytes += c.bytes();
        }
        return bytes;
    }

    /**
     * Evaluates a rule over every row.
     *
     * @param condition the rule
     * @return the rows of the customers it selects
     * @throws InvalidDefinitionException when the rule is invalid for the catalog, or tests a fact the table does
     *     not hold (the message names it and the facts held)
     */
    public BitSet select(Condition condition) {
        return select(catalog.compile(condition));
    }

    /**
     * Evaluates a compiled rule over every row.
     *
     * @param rule the rule, compiled by the table's catalog
     * @return the rows of the customers it selects
     * @throws InvalidDefinitionException when the rule was compiled by another catalog, or tests a fact the table
     *     does not hold
     */
    public BitSet select(Rule rule) {
        if (Objects.requireNonNull(rule, "rule").catalog() != catalog) {
            throw new InvalidDefinitionException("$", "rule was compiled by another catalog than the table's", null);
        }
        return BitSet.valueOf(evaluate(rule.condition(), "$"));
    }

    private long[] evaluate(Condition c, String path) {
        if (c instanceof Condition.All all) {
            long[] out = Words.all(size);
            for (int i = 0; i < all.conditions().size(); i++) {
                Words.and(out, evaluate(all.conditions().get(i), path + ".all[" + i + "]"));
            }
            return out;
        }
        if (c instanceof Condition.Any any) {
            long[] out = new long[Words.count(size)];
            for (int i = 0; i < any.conditions().size(); i++) {
                Words.or(out, evaluate(any.conditions().get(i), path + ".any[" + i + "]"));
            }
            return out;
        }
        if (c instanceof Condition.Not not) {
            long[] out = evaluate(not.condition(), path + ".not");
            Words.flip(out, size);
            return out;
        }
        Condition.Test test = (Condition.Test) c;
        Column column = columns.get(test.fact());
        if (column == null) {
            Set<String> held = new TreeSet<>();
            columns.keySet().forEach(f -> held.add(f.toString()));
            throw new InvalidDefinitionException(path + ".fact", "fact " + test.fact() + " is not held by this table;"
                    + " it holds " + held, null);
        }
        FactType type = catalog.definition(test.fact().name()).orElseThrow().type();
        return column.test(test.operator(), test.operands(), Compiled.check(type, test.operator(), test.operands()),
                size);
    }

    /** Builds a {@link FactTable}. Not thread-safe. */
    public static final class Builder {
        private final FactCatalog catalog;
        private final List<FactReader> readers = new ArrayList<>();
        private final List<Column> building = new ArrayList<>();
        private final Map<FactRef, Column> columns = new LinkedHashMap<>();
        // Ids packed as bytes: a String each would be most of a table's heap.
        private byte[] idBytes = new byte[16 * 1024];
        private int[] idStarts = new int[1025];
        private int size;
        private boolean built;

        private Builder(FactCatalog catalog, Collection<FactRef> facts) {
            this.catalog = catalog;
            for (FactRef fact : facts) {
                Objects.requireNonNull(fact, "fact");
                if (columns.containsKey(fact)) {
                    continue;
                }
                FactReader reader = catalog.reader(fact);
                Column column = Column.of(catalog.definition(fact.name()).orElseThrow().type());
                readers.add(reader);
                building.add(column);
                columns.put(fact, column);
            }
        }

        /**
         * Reads the held facts of one customer into the next row.
         *
         * @param subject the customer, at the table's instant
         * @return this builder
         * @throws IllegalStateException when the table was built, or already holds {@link Integer#MAX_VALUE} - 64 rows
         */
        public Builder add(Subject subject) {
            Objects.requireNonNull(subject, "subject");
            if (built) {
                throw new IllegalStateException("the table was built: start a new builder for more customers");
            }
            if (size == Integer.MAX_VALUE - 64) {
                throw new IllegalStateException("a fact table holds at most " + size + " customers");
            }
            byte[] id = subject.customer().id().value().getBytes(StandardCharsets.UTF_8);
            int start = idStarts[size];
            if (start > Integer.MAX_VALUE - 8 - id.length) {
                throw new IllegalStateException("a fact table holds at most 2 GB of customer ids");
            }
            if (start + id.length > idBytes.length) {
                idBytes = Arrays.copyOf(idBytes, Math.max(start + id.length, Words.grow(idBytes.length)));
            }
            System.arraycopy(id, 0, idBytes, start, id.length);
            if (size + 1 == idStarts.length) {
                idStarts = Arrays.copyOf(idStarts, Words.grow(idStarts.length));
            }
            idStarts[size + 1] = start + id.length;
            for (int i = 0; i < readers.size(); i++) {
                building.get(i).add(size, readers.get(i).read(subject));
            }
            size++;
            return this;
        }

        /**
         * Builds the table; the builder takes no more customers afterwards.
         *
         * @return the table
         * @throws IllegalStateException when the table was built already
         */
        public FactTable build() {
            if (built) {
                throw new IllegalStateException("the table was built already");
            }
            built = true;
            columns.values().forEach(c -> c.finish(size));
            FactTable table = new FactTable(catalog, size, Arrays.copyOf(idBytes, idStarts[size]),
                    Arrays.copyOf(idStarts, size + 1), Map.copyOf(columns));
            // The growing arrays are garbage now, though the builder may still be referenced.
            idBytes = null;
            idStarts = null;
            return table;
        }
    }

    /** Whole-word operations on bit sets of rows. */
    static final class Words {
        private Words() {
        }

        static int count(int rows) {
            return (rows + 63) >>> 6;
        }

        static int grow(int capacity) {
            return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, capacity + (long) (capacity >> 1)));
        }

        static long[] all(int rows) {
            long[] out = new long[count(rows)];
            Arrays.fill(out, -1L);
            trim(out, rows);
            return out;
        }

        static void trim(long[] words, int rows) {
            if ((rows & 63) != 0) {
                words[words.length - 1] &= (1L << rows) - 1;
            }
        }

        static void and(long[] a, long[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] &= b[i];
            }
        }

        static void or(long[] a, long[] b) {
            for (int i = 0; i < a.length; i++) {
                a[i] |= b[i];
            }
        }

        static void flip(long[] a, int rows) {
            for (int i = 0; i < a.length; i++) {
                a[i] = ~a[i];
            }
            trim(a, rows);
        }

        static long[] set(long[] words, int row) {
            long[] w = row >>> 6 < words.length ? words : Arrays.copyOf(words, grow(words.length));
            w[row >>> 6] |= 1L << row;
            return w;
        }

        static long[] sized(long[] words, int rows) {
            return Arrays.copyOf(words, count(rows));
        }
    }

    /** A fact's values, one per row; {@link #test} gives the rows where a test holds. */
    abstract static class Column {
        static Column of(FactType type) {
            return switch (type) {
                case NUMBER -> new NumberColumn();
                case DATE -> new DateColumn();
                case TEXT, FLAG -> new DictionaryColumn();
                case TEXT_SET -> new SetColumn();
            };
        }

        abstract void add(int row, Object value);

        abstract void finish(int rows);

        abstract long bytes();

        abstract long[] test(Operator op, List<AttributeValue> operands, Compiled.Check check,
                             int rows);

        /** For {@code present} and {@code absent}, the rows from the column's presence; null for other operators. */
        static long[] presence(Operator op, long[] present, Compiled.Check check, int rows) {
            if (op == Operator.PRESENT) {
                return present.clone();
            }
            if (op != Operator.ABSENT || !check.holds(null)) {
                return op == Operator.ABSENT ? new long[Words.count(rows)] : null;
            }
            long[] out = present.clone();
            Words.flip(out, rows);
            return out;
        }
    }

    /** Values compared as {@code long}s: ranges of accepted values, or their complement among present rows. */
    abstract static class LongColumn extends Column {
        /** The widest offset from the minimum kept as bit slices; wider columns are scanned. */
        private static final int MAX_SLICES = 40;
        long[] values = new long[1024];
        long[] present = new long[16];
        /** When sliced: the smallest value, and bit i of each row's offset from it in slices[i]; values dropped. */
        private long min;
        private long maxOffset;
        private long[][] slices;

        /** Stores a present value. */
        void put(int row, long value) {
            putAbsent(row);
            values[row] = value;
            present = Words.set(present, row);
        }

        /** Leaves a row without a value. */
        void putAbsent(int row) {
            if (row >= values.length) {
                values = Arrays.copyOf(values, Math.max(row + 1, Words.grow(values.length)));
            }
        }

        @Override
        void finish(int rows) {
            values = Arrays.copyOf(values, rows);
            present = Words.sized(present, rows);
            slice(rows);
        }

        /**
         * Keeps the values as a bit-sliced index when their offsets from the smallest fit in {@value #MAX_SLICES}
         * bits: a range test is then a few word operations per slice over all rows, instead of a comparison per
         * row (O'Neil and Quass, "Improved query performance with variant indexes", 1997).
         */
        private void slice(int rows) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int i = 0; i < rows; i++) {
                if ((present[i >>> 6] & (1L << i)) != 0) {
                    lo = Math.min(lo, values[i]);
                    hi = Math.max(hi, values[i]);
                }
            }
            if (lo > hi) {
                lo = 0;
                hi = 0;
            }
            if (hi - lo < 0 || 64 - Long.numberOfLeadingZeros(hi - lo) > MAX_SLICES) {
                return;
            }
            int width = Math.max(1, 64 - Long.numberOfLeadingZeros(hi - lo));
            long[][] bits = new long[width][Words.count(rows)];
            for (int i = 0; i < rows; i++) {
                if ((present[i >>> 6] & (1L << i)) != 0) {
                    long offset = values[i] - lo;
                    for (int b = 0; b < width; b++) {
                        bits[b][i >>> 6] |= ((offset >>> b) & 1L) << i;
                    }
                }
            }
            min = lo;
            maxOffset = hi - lo;
            slices = bits;
            values = null;
        }

        @Override
        long bytes() {
            long sliced = slices == null ? 0 : 8L * slices.length * present.length;
            return (values == null ? 0 : 8L * values.length) + sliced + 8L * present.length;
        }

        /** The accepted range {@code [lo, hi]} of one operand under an ordering or equality operator. */
        abstract long[] range(Operator op, AttributeValue operand);

        @Override
        long[] test(Operator op, List<AttributeValue> operands, Compiled.Check check,
                    int rows) {
            long[] presence = presence(op, present, check, rows);
            if (presence != null) {
                return presence;
            }
            Operator rangeOp = op == Operator.NE || op == Operator.IN ? Operator.EQ : op;
            long[] out = new long[Words.count(rows)];
            for (AttributeValue operand : operands) {
                long[] r = range(rangeOp, operand);
                if (r[0] <= r[1]) {
                    if (slices == null) {
                        within(out, r[0], r[1], rows);
                    } else {
                        withinSlices(out, r[0], r[1]);
                    }
                }
            }
            Words.and(out, present);
            if (op == Operator.NE) {
                Words.flip(out, rows);
                Words.and(out, present);
            }
            return out;
        }

        /** Adds the rows whose value is in {@code [lo, hi]}, from the slices. */
        private void withinSlices(long[] out, long lo, long hi) {
            // Into offsets from the minimum, clipped to what the column holds (max - min cannot overflow: both are
            // values of the column and their difference was checked when slicing).
            long max = min + maxOffset;
            if (hi < min || lo > max) {
                return;
            }
            long from = lo <= min ? 0 : lo - min;
            long to = hi >= max ? maxOffset : hi - min;
            long[] in = from == 0 ? present.clone() : compare(from, true);
            if (to < maxOffset) {
                Words.and(in, compare(to, false));
            }
            Words.or(out, in);
        }

        /** The present rows whose offset is at least ({@code atLeast}) or at most the bound. */
        private long[] compare(long bound, boolean atLeast) {
            int words = present.length;
            long[] below = new long[words];
            long[] above = new long[words];
            long[] equal = present.clone();
            for (int b = slices.length - 1; b >= 0; b--) {
                long[] slice = slices[b];
                if (((bound >>> b) & 1L) != 0) {
                    for (int w = 0; w < words; w++) {
                        below[w] |= equal[w] & ~slice[w];
                        equal[w] &= slice[w];
                    }
                } else {
                    for (int w = 0; w < words; w++) {
                        above[w] |= equal[w] & slice[w];
                        equal[w] &= ~slice[w];
                    }
                }
            }
            long[] out = atLeast ? above : below;
            Words.or(out, equal);
            return out;
        }

        private void within(long[] out, long lo, long hi, int rows) {
            long[] v = values;
            long span = hi - lo;
            for (int w = 0, base = 0; base < rows; w++, base += 64) {
                long bits = 0;
                int end = Math.min(64, rows - base);
                for (int j = 0; j < end; j++) {
                    // x in [lo, hi] is (x - lo) <= (hi - lo) unsigned: no borrow out of span - d. Without a
                    // branch, as values in random order would mispredict one in two.
                    long d = v[base + j] - lo;
                    long borrow = ((~span & d) | ((~span | d) & (span - d))) >>> 63;
                    bits |= (borrow ^ 1) << j;
                }
                out[w] |= bits;
            }
        }

        /** The range of an ordering or equality against an exact bound already on the column's scale. */
        static long[] range(Operator op, BigDecimal scaledBound) {
            BigDecimal floor = scaledBound.setScale(0, RoundingMode.FLOOR);
            BigDecimal ceil = scaledBound.setScale(0, RoundingMode.CEILING);
            BigDecimal none = null;
            return switch (op) {
                case GE -> range(ceil, none);
                case GT -> range(floor.add(BigDecimal.ONE), none);
                case LE -> range(none, floor);
                case LT -> range(none, ceil.subtract(BigDecimal.ONE));
                case EQ -> floor.compareTo(ceil) == 0 ? range(floor, floor) : new long[] {1, 0};
                default -> throw new IllegalStateException("not a comparison: " + op);
            };
        }

        /** {@code [lo, hi]} as longs (an open end is the type's limit); empty ({@code lo > hi}) when none fits. */
        private static long[] range(BigDecimal lo, BigDecimal hi) {
            BigDecimal min = BigDecimal.valueOf(Long.MIN_VALUE);
            BigDecimal max = BigDecimal.valueOf(Long.MAX_VALUE);
            if (lo != null && lo.compareTo(max) > 0 || hi != null && hi.compareTo(min) < 0) {
                return new long[] {1, 0};
            }
            // What is left of an end beyond a long's range is the type's limit: every long lies within it.
            long from = lo == null || lo.compareTo(min) < 0 ? Long.MIN_VALUE : lo.longValueExact();
            long to = hi == null || hi.compareTo(max) > 0 ? Long.MAX_VALUE : hi.longValueExact();
            return new long[] {from, to};
        }
    }

    /**
     * Numbers as unscaled {@code long}s on one scale for the column (raised as values with more decimals arrive),
     * so comparisons are exact; when a value does not fit, the column keeps exact decimals instead.
     */
    static final class NumberColumn extends LongColumn {
        private static final int MAX_SCALE = 18;
        private int scale;
        private BigDecimal[] exact;

        @Override
        void add(int row, Object value) {
            if (value == null) {
                if (exact == null) {
                    putAbsent(row);
                } else {
                    putExact(row, null);
                }
                return;
            }
            BigDecimal v = (BigDecimal) value;
            if (exact == null && !fitsLong(row, v)) {
                toExact(row);
            }
            if (exact != null) {
                putExact(row, v);
                present = Words.set(present, row);
            }
        }

        /** Stores the value as a long on the column's scale, raising the scale if needed; false if it cannot. */
        private boolean fitsLong(int row, BigDecimal v) {
            int wanted = Math.max(scale, Math.max(0, v.stripTrailingZeros().scale()));
            if (wanted > MAX_SCALE) {
                return false;
            }
            try {
                long unscaled = v.setScale(wanted).unscaledValue().longValueExact();
                if (wanted > scale) {
                    // Into a copy: a value that overflows halfway must leave the column as it was.
                    long factor = BigDecimal.TEN.pow(wanted - scale).longValueExact();
                    long[] rescaled = values.clone();
                    for (int i = 0; i < row; i++) {
                        rescaled[i] = Math.multiplyExact(rescaled[i], factor);
                    }
                    values = rescaled;
                    scale = wanted;
                }
                put(row, unscaled);
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        private void toExact(int row) {
            exact = new BigDecimal[Math.max(values.length, row + 1)];
            for (int i = 0; i < row; i++) {
                if ((present[i >>> 6] & (1L << i)) != 0) {
                    exact[i] = BigDecimal.valueOf(values[i], scale);
                }
            }
            values = new long[0];
        }

        private void putExact(int row, BigDecimal v) {
            if (row >= exact.length) {
                exact = Arrays.copyOf(exact, Math.max(row + 1, Words.grow(exact.length)));
            }
            exact[row] = v;
        }

        @Override
        void finish(int rows) {
            if (exact == null) {
                super.finish(rows);
            } else {
                exact = Arrays.copyOf(exact, rows);
                present = Words.sized(present, rows);
            }
        }

        @Override
        long bytes() {
            // A reference per row, and a decimal of about 40 bytes per value.
            return exact == null ? super.bytes() : 48L * exact.length + 8L * present.length;
        }

        @Override
        long[] range(Operator op, AttributeValue operand) {
            return range(op, ((BigDecimal) operand.raw()).movePointRight(scale));
        }

        @Override
        long[] test(Operator op, List<AttributeValue> operands, Compiled.Check check,
                    int rows) {
            if (exact == null) {
                return super.test(op, operands, check, rows);
            }
            long[] out = new long[Words.count(rows)];
            for (int i = 0; i < rows; i++) {
                if (check.holds(exact[i])) {
                    out[i >>> 6] |= 1L << i;
                }
            }
            return out;
        }
    }

    /** Dates as day numbers. */
    static final class DateColumn extends LongColumn {
        @Override
        void add(int row, Object value) {
            if (value == null) {
                putAbsent(row);
            } else {
                put(row, ((LocalDate) value).toEpochDay());
            }
        }

        @Override
        long[] range(Operator op, AttributeValue operand) {
            return range(op, BigDecimal.valueOf(((LocalDate) operand.raw()).toEpochDay()));
        }
    }

    /**
     * Text or flags as codes into a dictionary of the distinct values (a byte each while there are at most 127 of
     * them), so that a test is decided once per distinct value and each row costs an array read.
     */
    static final class DictionaryColumn extends Column {
        private final Map<Object, Integer> codes = new LinkedHashMap<>();
        private byte[] small = new byte[1024];
        private int[] wide;

        @Override
        void add(int row, Object value) {
            int code = -1;
            if (value != null) {
                Integer known = codes.get(value);
                if (known == null) {
                    known = codes.size();
                    codes.put(value, known);
                }
                code = known;
            }
            if (wide == null && code > Byte.MAX_VALUE) {
                wide = new int[small.length];
                for (int i = 0; i < row; i++) {
                    wide[i] = small[i];
                }
                small = null;
            }
            if (wide == null) {
                if (row == small.length) {
                    small = Arrays.copyOf(small, Words.grow(row));
                }
                small[row] = (byte) code;
            } else {
                if (row == wide.length) {
                    wide = Arrays.copyOf(wide, Words.grow(row));
                }
                wide[row] = code;
            }
        }

        @Override
        void finish(int rows) {
            if (wide == null) {
                small = Arrays.copyOf(small, rows);
            } else {
                wide = Arrays.copyOf(wide, rows);
            }
        }

        @Override
        long bytes() {
            return wide == null ? small.length : 4L * wide.length;
        }

        @Override
        long[] test(Operator op, List<AttributeValue> operands, Compiled.Check check,
                    int rows) {
            // Index 0 is "no value"; index c + 1 the distinct value coded c.
            long[] accepted = new long[codes.size() + 1];
            accepted[0] = check.holds(null) ? 1 : 0;
            codes.forEach((value, code) -> accepted[code + 1] = check.holds(value) ? 1 : 0);
            long[] out = new long[Words.count(rows)];
            for (int w = 0, base = 0; base < rows; w++, base += 64) {
                long bits = 0;
                int end = Math.min(64, rows - base);
                // 0 or 1 shifted in without a branch.
                if (wide == null) {
                    for (int j = 0; j < end; j++) {
                        bits |= accepted[small[base + j] + 1] << j;
                    }
                } else {
                    for (int j = 0; j < end; j++) {
                        bits |= accepted[wide[base + j] + 1] << j;
                    }
                }
                out[w] = bits;
            }
            return out;
        }
    }

    /** Text sets as one bit set of rows per distinct value, and the rows that have a set at all. */
    static final class SetColumn extends Column {
        private final Map<String, long[]> rowsByValue = new LinkedHashMap<>();
        private long[] present = new long[16];

        @Override
        void add(int row, Object value) {
            if (value == null) {
                return;
            }
            present = Words.set(present, row);
            for (Object v : (Set<?>) value) {
                // Words.set returns a new array only when it grows.
                long[] holders = rowsByValue.get((String) v);
                long[] grown = Words.set(holders == null ? new long[16] : holders, row);
                if (grown != holders) {
                    rowsByValue.put((String) v, grown);
                }
            }
        }

        @Override
        void finish(int rows) {
            present = Words.sized(present, rows);
            rowsByValue.replaceAll((v, words) -> Words.sized(words, rows));
        }

        @Override
        long bytes() {
            return 8L * present.length * (1 + rowsByValue.size());
        }

        @Override
        long[] test(Operator op, List<AttributeValue> operands, Compiled.Check check,
                    int rows) {
            long[] presence = presence(op, present, check, rows);
            if (presence != null) {
                return presence;
            }
            long[] out = new long[Words.count(rows)];
            for (AttributeValue operand : operands) {
                long[] holders = rowsByValue.get((String) operand.raw());
                if (holders != null) {
                    Words.or(out, holders);
                }
            }
            return out;
        }
    }
}
