package org.crmkit.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

import org.crmkit.core.json.CrmJson;
import org.crmkit.segmentation.value.BgNbd;
import org.crmkit.segmentation.value.CustomerValue;
import org.crmkit.segmentation.value.GammaGamma;
import org.crmkit.segmentation.value.PurchaseModel;
import org.crmkit.segmentation.value.RepeatSummary;
import org.crmkit.segmentation.value.TransactionFiles;
import org.crmkit.segmentation.value.ValueScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitValueModelTest {
    @TempDir
    Path dir;

    /** A CSV of 300 customers buying at random over a year, some of whom stop. */
    private Path transactions() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
        for (int c = 0; c < 300; c++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(60));
            double rate = 0.02 + random.nextDouble() * 0.1;
            LocalDate quits = day.plusDays(1 + random.nextInt(400));
            while (day.isBefore(LocalDate.of(2026, 1, 1)) && day.isBefore(quits)) {
                lines.add("c" + c + "," + day + "," + (5 + random.nextInt(50)) + ".99");
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / rate));
            }
        }
        Path file = dir.resolve("tx.csv");
        Files.write(file, lines);
        return file;
    }

    @Test
    void fitsAFilePrintsJsonAndWritesScores() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path scores = dir.resolve("scores.csv");
        Path input = transactions();
        int code = FitValueModel.run(new String[] {"--input", input.toString(), "--cutoff", "2025-09-30",
            "--scores", scores.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = CrmJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("bg-nbd", json.get("model").get("type").asText());
        assertTrue(json.get("converged").asBoolean());
        assertTrue(json.get("logLikelihood").asDouble() < 0);
        assertEquals(300, json.get("customers").asInt());
        PurchaseModel model = CrmJson.mapper().treeToValue(json.get("model"), PurchaseModel.class);
        assertTrue(model instanceof BgNbd);
        List<String> rows = Files.readAllLines(scores);
        assertEquals("customer_id,x,t_x,T,p_alive,expected_purchases,clv,clv_decile", rows.get(0));
        assertEquals(301, rows.size());
        // Each row is the library's score of that customer with the printed models.
        GammaGamma spend = CrmJson.mapper().treeToValue(json.get("spend"), GammaGamma.class);
        ValueScorer scorer = ValueScorer.of(model, spend, 52, 12, 0.01);
        List<RepeatSummary> summaries = RepeatSummary.of(TransactionFiles.read(input), LocalDate.of(2025, 9, 30),
                ChronoUnit.WEEKS);
        long topDecile = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            CustomerValue v = scorer.score(summaries.get(i - 1));
            assertEquals(summaries.get(i - 1).customerId(), f[0]);
            assertEquals(v.probabilityAlive(), Double.parseDouble(f[4]), 1e-6, rows.get(i));
            assertEquals(v.expectedPurchases(), Double.parseDouble(f[5]), 1e-6, rows.get(i));
            assertEquals(v.lifetimeValue(), Double.parseDouble(f[6]), 0.005, rows.get(i));
            topDecile += f[7].equals("10") ? 1 : 0;
        }
        assertEquals(30, topDecile);
    }

    @Test
    void badUsageAndBadInputAreReported() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, FitValueModel.run(new String[] {"--input", "x.csv"}, o, e));
        Path oneCustomer = dir.resolve("one.csv");
        Files.write(oneCustomer, List.of("id,date,amount", "a,2025-01-01,5", "a,2025-02-01,5"));
        assertEquals(1, FitValueModel.run(new String[] {"--input", oneCustomer.toString(), "--cutoff", "2025-12-31"},
                o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("at least two customers"));
    }
}
