package org.crmkit.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import org.crmkit.core.CrmException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.segmentation.rule.RuleTableRows;
import org.crmkit.segmentation.rule.SqlPushdown;

/**
 * The reference schema's tables ({@link SqlPushdown#reference}) as Parquet for Spark: written from profiles and
 * touchpoints, and registered as the session's views of those names. Spark's exact decimals have at most 38
 * digits: the tables hold numbers of up to {@value #INTEGER_DIGITS} digits before the point and
 * {@value #FRACTION_DIGITS} after it (crmkit accepts 30 and 20), and a write with a number beyond that is
 * refused, naming the row, with nothing left behind.
 */
public final class RuleTables {
    /** The most digits before the point a number may have here. */
    public static final int INTEGER_DIGITS = 18;
    /** The most digits after the point a number may have here. */
    public static final int FRACTION_DIGITS = 20;
    private static final int BATCH = 100_000;
    private static final DataType DECIMAL = DataTypes.createDecimalType(38, FRACTION_DIGITS);
    private static final DataType TEXT = DataTypes.StringType;
    private static final DataType SECOND = DataTypes.LongType;
    private static final DataType INT = DataTypes.IntegerType;

    /** Each table's columns, in the order of {@link RuleTableRows}' rows. */
    static final Map<String, StructType> SCHEMAS = Map.of(
            "crm_customers", schema("id", TEXT, "kind", TEXT, "lifecycle_stage", TEXT, "account_manager", TEXT,
                    "customer_since", DataTypes.DateType),
            "crm_customer_tags", schema("customer_id", TEXT, "tag", TEXT),
            "crm_customer_consents", schema("customer_id", TEXT, "record_no", INT, "purpose", TEXT, "channel", TEXT,
                    "granted", DataTypes.BooleanType, "at_second", SECOND, "at_nano", INT),
            "crm_customer_attributes", schema("customer_id", TEXT, "name", TEXT, "text_value", TEXT,
                    "number_value", DECIMAL, "flag_value", DataTypes.BooleanType, "date_value", DataTypes.DateType),
            "crm_customer_preferences", schema("customer_id", TEXT, "pref_key", TEXT, "polarity", TEXT,
                    "pref_value", TEXT),
            "crm_touchpoints", schema("id", TEXT, "customer_id", TEXT, "at_second", SECOND, "at_nano", INT,
                    "kind", TEXT, "channel", TEXT, "amount", DECIMAL, "currency", TEXT),
            "crm_touchpoint_lines", schema("touchpoint_id", TEXT, "line_no", INT, "customer_id", TEXT,
                    "at_second", SECOND, "at_nano", INT, "kind", TEXT, "channel", TEXT, "category", TEXT,
                    "brand", TEXT, "quantity", DECIMAL, "unit_price", DECIMAL, "line_value", DECIMAL,
                    "currency", TEXT));

    private RuleTables() {
    }

    /**
     * Writes profiles and touchpoints as the reference tables, one Parquet directory per table under a directory
     * that must not exist yet. A number beyond these tables' decimals, or any failure, removes the directory
     * again: either every table is written or none is.
     *
     * @param spark the session
     * @param customers the profiles
     * @param touchpoints their touchpoints
     * @param directory where to write, on any file system Spark reaches
     * @throws RuleViolationException when a number does not fit, naming the customer or touchpoint
     * @throws IllegalArgumentException when the directory exists
     * @throws CrmException when the file system fails
     */
    public static void write(SparkSession spark, Iterable<Customer> customers, Iterable<Touchpoint> touchpoints,
                             String directory) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(touchpoints, "touchpoints");
        Path root = new Path(Objects.requireNonNull(directory, "directory"));
        FileSystem fs = fileSystem(spark, root);
        try {
            if (fs.exists(root)) {
                throw new IllegalArgumentException("directory already exists: " + directory);
            }
        } catch (IOException e) {
            throw new CrmException("checking " + directory, e);
        }
        boolean written = false;
        try {
            // Every table gets its directory, so that a table without rows still reads as empty.
            SCHEMAS.keySet().forEach(table -> append(spark, directory, table, List.of()));
            batches(customers, batch -> {
                Tables t = new Tables();
                for (Customer c : batch) {
                    t.add("crm_customers", List.<Object[]>of(RuleTableRows.customer(c)));
                    t.add("crm_customer_tags", RuleTableRows.tags(c));
                    t.add("crm_customer_consents", RuleTableRows.consents(c));
                    t.add("crm_customer_attributes", RuleTableRows.attributes(c));
                    t.add("crm_customer_preferences", RuleTableRows.preferences(c));
                }
                RuleTableRows.requireDecimalsFit("customer", t.rows("crm_customer_attributes"), INTEGER_DIGITS,
                        FRACTION_DIGITS, "Spark");
                return t;
            }, spark, directory);
            batches(touchpoints, batch -> {
                Tables t = new Tables();
                for (Touchpoint tp : batch) {
                    t.add("crm_touchpoints", List.<Object[]>of(RuleTableRows.touchpoint(tp)));
                    t.add("crm_touchpoint_lines", RuleTableRows.lines(tp));
                }
                RuleTableRows.requireDecimalsFit("touchpoint", t.rows("crm_touchpoints"), INTEGER_DIGITS,
                        FRACTION_DIGITS, "Spark");
                RuleTableRows.requireDecimalsFit("touchpoint", t.rows("crm_touchpoint_lines"), INTEGER_DIGITS,
                        FRACTION_DIGITS, "Spark");
                return t;
            }, spark, directory);
            written = true;
        } finally {
            if (!written) {
                try {
                    fs.delete(root, true);
                } catch (IOException e) {
                    // The failure that got here is the one to report.
                }
            }
        }
    }

    /**
     * Registers the tables {@link #write} wrote as the session's temporary views of the reference names.
     *
     * @param spark the session
     * @param directory where they were written
     */
    public static void register(SparkSession spark, String directory) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(directory, "directory");
        SCHEMAS.forEach((table, schema) -> spark.read().schema(schema).parquet(directory + "/" + table)
                .createOrReplaceTempView(table));
    }

    /** Rows of several tables, gathered for one batch. */
    private static final class Tables {
        private final Map<String, List<Object[]>> rows = new java.util.HashMap<>();

        void add(String table, List<Object[]> more) {
            rows.computeIfAbsent(table, k -> new ArrayList<>()).addAll(more);
        }

        List<Object[]> rows(String table) {
            return rows.getOrDefault(table, List.of());
        }
    }

    private static <T> void batches(Iterable<T> items, Function<List<T>, Tables> rows, SparkSession spark,
                                    String directory) {
        Iterator<T> it = items.iterator();
        while (it.hasNext()) {
            List<T> batch = new ArrayList<>(BATCH);
            while (it.hasNext() && batch.size() < BATCH) {
                batch.add(Objects.requireNonNull(it.next(), "item"));
            }
            Tables t = rows.apply(batch);
            t.rows.forEach((table, r) -> append(spark, directory, table, r));
        }
    }

    private static void append(SparkSession spark, String directory, String table, List<Object[]> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(RowFactory.create(r));
        }
        spark.createDataFrame(out, SCHEMAS.get(table)).write().mode(SaveMode.Append).parquet(directory + "/" + table);
    }

    private static FileSystem fileSystem(SparkSession spark, Path root) {
        try {
            return root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new CrmException("reaching " + root, e);
        }
    }

    private static StructType schema(Object... namesAndTypes) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            fields.add(DataTypes.createStructField((String) namesAndTypes[i], (DataType) namesAndTypes[i + 1], true));
        }
        return DataTypes.createStructType(fields);
    }
}
