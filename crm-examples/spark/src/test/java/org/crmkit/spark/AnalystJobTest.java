package org.crmkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.jdbc.WholeRuleDifferentialProperties;
import org.junit.jupiter.api.Test;

/** The analyst's command, run as {@code spark-submit} would run it, over tables written by {@link RuleTables}. */
class AnalystJobTest {
    @Test
    void printsTheModelsAndDecilesAndWritesEveryScore() {
        SparkSession spark = LocalSpark.session();
        String tables = LocalSpark.temp("tables");
        List<Touchpoint> touchpoints = WholeRuleDifferentialProperties.POPULATION.touchpoints().values().stream()
                .flatMap(List::stream).collect(Collectors.toList());
        RuleTables.write(spark, WholeRuleDifferentialProperties.POPULATION.customers(), touchpoints, tables);
        String out = LocalSpark.temp("scores");
        StringWriter report = new StringWriter();

        int code = AnalystJob.run(spark, new PrintWriter(report, true), "--tables", tables, "--cutoff",
                "2025-09-30", "--out", out);

        String text = report.toString();
        assertEquals(0, code, text);
        assertTrue(text.contains("purchase model: {") && text.contains("\"type\" : \"bg-nbd\""), text);
        assertTrue(text.contains("spend model: {"), text);
        Matcher rows = Pattern.compile("(?m)^(\\d+)\\s+(\\d+)\\s+[\\d.]+$").matcher(text);
        long customers = 0;
        int deciles = 0;
        while (rows.find()) {
            deciles++;
            customers += Long.parseLong(rows.group(2));
        }
        assertEquals(10, deciles, text);
        assertEquals(customers, spark.read().parquet(out).count());
        assertTrue(customers > 300, text);
    }

    @Test
    void badValuesAndAMissingDirectoryAreReportedWithoutAStackTrace() {
        StringWriter badOffset = new StringWriter();
        assertEquals(2, AnalystJob.run(LocalSpark.session(), new PrintWriter(badOffset, true), "--tables", "x",
                "--cutoff", "2025-09-30", "--offset", "+25:00"));
        assertTrue(badOffset.toString().contains("Invalid value for option '--offset'"), badOffset::toString);

        StringWriter missing = new StringWriter();
        String nowhere = LocalSpark.temp("nowhere");
        assertEquals(1, AnalystJob.run(LocalSpark.session(), new PrintWriter(missing, true), "--tables", nowhere,
                "--cutoff", "2025-09-30"));
        assertTrue(missing.toString().startsWith("crm-spark-value: ") && missing.toString().contains("nowhere"),
                missing::toString);
        assertFalse(missing.toString().contains("\tat "), missing::toString);
    }

    @Test
    void refusesMissingOptionsWithUsage() {
        StringWriter report = new StringWriter();
        int code = AnalystJob.run(LocalSpark.session(), new PrintWriter(report, true), "--cutoff", "2025-09-30");
        assertEquals(2, code);
        assertTrue(report.toString().contains("Missing required option: '--tables"), report::toString);
    }
}
