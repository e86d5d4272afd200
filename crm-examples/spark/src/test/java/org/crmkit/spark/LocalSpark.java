package org.crmkit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;

/** One Spark session in local mode for the tests of this JVM, as {@link SparkSegments} needs it. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("crmkit-tests")
                    .config(SparkSegments.PRECISION_LOSS, "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config(SparkSegments.CONSTRAINT_PROPAGATION, "false")
                    .config(SparkSegments.ADAPTIVE_EXECUTION, "false")
                    .config("spark.sql.warehouse.dir", temp("warehouse"))
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    /** A fresh directory name that does not exist yet. */
    static String temp(String name) {
        try {
            java.nio.file.Path dir = Files.createTempDirectory("crmkit-spark-");
            dir.toFile().deleteOnExit();
            return dir.resolve(name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The customers and touchpoints written as Parquet and registered in a session of their own. */
    static SparkSegments load(List<Customer> customers, List<Touchpoint> touchpoints) {
        SparkSession spark = session().newSession();
        String dir = temp("tables");
        RuleTables.write(spark, customers, touchpoints, dir);
        RuleTables.register(spark, dir);
        return SparkSegments.over(spark);
    }
}
