package org.crmkit.spark;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.rule.FactCatalog;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.PurchaseModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The analyst's job as one command, for {@code spark-submit} or a local run: reads the rule tables
 * {@link RuleTables#write} wrote, fits the value models, scores every customer and prints the models as JSON and
 * the customers and lifetime value of each decile; with {@code --out}, writes the scores as Parquet.
 */
@Command(name = "crm-spark-value", mixinStandardHelpOptions = true,
        description = "Customer value on Spark: summaries, fit, scores and deciles over crmkit's rule tables.")
public final class AnalystJob implements Callable<Integer> {
    @Option(names = "--tables", required = true, description = "Directory of the rule tables (Parquet).")
    private String tables;

    @Option(names = "--cutoff", required = true, description = "Last day of the calibration period, ISO date.")
    private LocalDate cutoff;

    @Option(names = "--currency", defaultValue = "USD", description = "Currency of the purchases' values.")
    private Currency currency;

    @Option(names = "--offset", defaultValue = "Z", description = "Offset from UTC of the purchases' calendar.")
    private ZoneOffset offset;

    @Option(names = "--unit", defaultValue = "WEEKS", description = "Unit of times and horizon: DAYS or WEEKS.")
    private ChronoUnit unit;

    @Option(names = "--horizon", defaultValue = "52", description = "Horizon of lifetime value, in the unit.")
    private double horizon;

    @Option(names = "--steps", defaultValue = "12", description = "Discounting periods in the horizon.")
    private int steps;

    @Option(names = "--rate", defaultValue = "0.01", description = "Discount rate per period.")
    private double rate;

    @Option(names = "--out", description = "Directory to write the scores to, as Parquet; must not exist.")
    private String out;

    private final SparkSession spark;
    private final PrintWriter report;

    AnalystJob(SparkSession spark, PrintWriter report) {
        this.spark = spark;
        this.report = report;
    }

    /**
     * Runs the job in the session {@code spark-submit} gives, or in local mode on every core.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        SparkSession.Builder builder = SparkSession.builder().appName("crm-spark-value")
                .config(SparkSegments.PRECISION_LOSS, "false")
                .config(SparkSegments.CONSTRAINT_PROPAGATION, "false");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]");
        }
        PrintWriter report = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        SparkSession spark = builder.getOrCreate();
        int code;
        try {
            code = run(spark, report, args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the job in a session, reporting to a writer; {@return the exit code} */
    static int run(SparkSession spark, PrintWriter report, String... args) {
        return new CommandLine(new AnalystJob(spark, report)).registerConverter(ZoneOffset.class, ZoneOffset::of)
                .setOut(report).setErr(report)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    // What failed, as Spark or crmkit says it (a missing directory, too few buyers to fit).
                    line.getErr().println("crm-spark-value: " + e.getMessage());
                    return 1;
                }).execute(args);
    }

    @Override
    public Integer call() {
        SparkSession session = spark.newSession();
        RuleTables.register(session, tables);
        SparkCustomerValue value = SparkCustomerValue.run(SparkSegments.over(session), FactCatalog.installed(),
                new SparkCustomerValue.Plan(cutoff, unit, offset, currency, horizon, steps, rate));
        report.println("purchase model: " + CrmJson.write(value.purchases().model(), PurchaseModel.class)
                + " (log-likelihood " + value.purchases().logLikelihood() + ")");
        report.println("spend model: " + CrmJson.write(value.spend().model(), GammaGamma.class)
                + " (log-likelihood " + value.spend().logLikelihood() + ")");
        List<Row> deciles = value.scores().groupBy("lifetime_value_decile")
                .agg(functions.count("*").as("customers"), functions.sum("lifetime_value").as("value"))
                .orderBy(functions.col("lifetime_value_decile").desc()).collectAsList();
        report.printf("%-7s %10s %16s%n", "decile", "customers", "lifetime value");
        for (Row r : deciles) {
            report.printf("%-7d %10d %16.2f%n", r.getInt(0), r.getLong(1), r.getDouble(2));
        }
        if (out != null) {
            value.scores().write().mode(SaveMode.ErrorIfExists).parquet(out);
            report.println("scores written to " + out);
        }
        value.scores().unpersist();
        report.flush();
        return 0;
    }
}
