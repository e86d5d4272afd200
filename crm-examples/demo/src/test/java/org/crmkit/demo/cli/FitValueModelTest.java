package org.crmkit.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import tools.jackson.databind.JsonNode;

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

    /**
     * A CSV of 300 customers buying at random over a year, each leaving after a purchase with a chance of their
     * own (without such differences BG/NBD's maximum lies at infinity), each with a usual spend.
     */
    private Path transactions() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        List<String> lines = new ArrayList<>(List.of("customer_id,date,amount"));
        for (int c = 0; c < 300; c++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(60));
            double purchaseRate = 0.02 + random.nextDouble() * 0.1;
            double leaves = 0.3 * random.nextDouble() * random.nextDouble();
            // Customers differ in what they spend, or Gamma-Gamma has no maximum to find.
            double rate = erlang(random, 4) / 60; // Gamma-Gamma's nu: gamma(q = 4, gamma = 60)
            while (day.isBefore(LocalDate.of(2026, 1, 1))) {
                lines.add("c" + c + "," + day + "," + String.format(java.util.Locale.ROOT, "%.2f",
                        erlang(random, 6) / rate)); // each purchase gamma(p = 6, nu)
                if (random.nextDouble() < leaves) {
                    break;
                }
                day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) / purchaseRate));
            }
        }
        Path file = dir.resolve("tx.csv");
        Files.write(file, lines);
        return file;
    }

    /** A gamma variate of whole shape k and rate 1, as a sum of k exponentials. */
    private static double erlang(SplittableRandom random, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum -= Math.log(1 - random.nextDouble());
        }
        return sum;
    }

    @Test
    void fitsAFilePrintsJsonAndWritesScores() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path scores = dir.resolve("scores.csv");
        Files.writeString(scores, "an earlier run's scores\n");
        Path input = transactions();
        int code = FitValueModel.run(new String[] {"--input", input.toString(), "--cutoff", "2025-09-30",
            "--scores", scores.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = CrmJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("bg-nbd", json.get("model").get("type").asString());
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
            assertEquals(summaries.get(i - 1).customerId().value(), f[0]);
            assertEquals(v.probabilityAlive(), Double.parseDouble(f[4]), 1e-6, rows.get(i));
            assertEquals(v.expectedPurchases(), Double.parseDouble(f[5]), 1e-6, rows.get(i));
            assertEquals(v.lifetimeValue(), Double.parseDouble(f[6]), 0.005, rows.get(i));
            topDecile += f[7].equals("10") ? 1 : 0;
        }
        assertEquals(30, topDecile);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".partial")).toList(),
                    "the scores are written beside the target and moved over it");
        }
    }

    @Test
    void mbgNbdIsFittedByName() throws Exception {
        Streams s = new Streams();
        assertEquals(0, s.run("--input", transactions().toString(), "--cutoff", "2025-09-30", "--model", "mbg-nbd"),
                s.err());
        JsonNode json = CrmJson.mapper().readTree(s.out());
        assertEquals("mbg-nbd", json.get("model").get("type").asString());
        assertTrue(json.get("converged").asBoolean(), s.out());
    }

    @Test
    void aFitThatDidNotConvergeSaysSoAndExitsThreeUnlessAccepted() throws Exception {
        // These customers all leave at one rate, so Pareto/NBD's s and beta run off together: no maximum.
        Streams s = new Streams();
        String input = transactions().toString();
        assertEquals(FitValueModel.NOT_CONVERGED, s.run("--input", input, "--cutoff", "2025-09-30", "--model",
                "pareto-nbd"), s.err());
        JsonNode json = CrmJson.mapper().readTree(s.out());
        assertEquals("pareto-nbd", json.get("model").get("type").asString());
        assertFalse(json.get("converged").asBoolean(), s.out());
        assertTrue(json.get("standardErrors").isEmpty(), "no errors for parameters that are not estimates");
        assertTrue(s.err().contains("the fit did not converge"), s.err());
    }

    @Test
    void aFileOrderedByCustomerIsStreamedTwiceToTheSameFitAndScores() throws Exception {
        Path unordered = transactions();
        List<String> lines = Files.readAllLines(unordered);
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.sort(java.util.Comparator.comparing(line -> line.substring(0, line.indexOf(','))));
        rows.add(0, lines.get(0));
        Path ordered = dir.resolve("ordered.csv");
        Files.write(ordered, rows);
        Path inMemory = dir.resolve("in-memory.csv");
        Path streamed = dir.resolve("streamed.csv");
        Streams a = new Streams();
        assertEquals(0, a.run("--input", unordered.toString(), "--cutoff", "2025-09-30", "--scores",
                inMemory.toString()), a.err());
        Streams b = new Streams();
        assertEquals(0, b.run("--input", ordered.toString(), "--cutoff", "2025-09-30", "--sorted", "--scores",
                streamed.toString()), b.err());
        JsonNode one = CrmJson.mapper().readTree(a.out());
        JsonNode two = CrmJson.mapper().readTree(b.out());
        assertEquals(one.get("model"), two.get("model"), "the same groups give the same purchase fit");
        assertEquals(one.get("spend").get("p").asDouble(), two.get("spend").get("p").asDouble(), 1e-6);
        assertEquals(300, two.get("customers").asInt());
        List<String> expected = new ArrayList<>(Files.readAllLines(inMemory));
        List<String> actual = new ArrayList<>(Files.readAllLines(streamed));
        assertEquals(expected.get(0), actual.get(0));
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(actual),
                "every customer's row, in the file's order instead of the ids'");

        Streams c = new Streams();
        assertEquals(1, c.run("--input", unordered.toString(), "--cutoff", "2025-09-30", "--sorted"));
        assertTrue(c.err().contains("--sorted needs the file ordered by customer id, but c10 comes after c9"),
                c.err());
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

    private static final class Streams {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        int run(String... args) {
            return FitValueModel.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMisspelledOptionAnUnknownUnitAndABadHorizonAreRefusedBeforeAnyWork() throws Exception {
        String input = transactions().toString();
        Streams misspelled = new Streams();
        assertEquals(2, misspelled.run("--input", input, "--cutoff", "2025-09-30", "--modle", "bg-nbd"));
        assertTrue(misspelled.err().contains("--modle"), misspelled.err());
        assertEquals("", misspelled.out());
        Streams unit = new Streams();
        assertEquals(2, unit.run("--input", input, "--cutoff", "2025-09-30", "--unit", "fortnights"));
        assertTrue(unit.err().contains("expected weeks or days"), unit.err());
        Streams horizon = new Streams();
        assertEquals(2, horizon.run("--input", input, "--cutoff", "2025-09-30", "--horizon", "-1"));
        assertTrue(horizon.err().contains("--horizon must be a positive number"), horizon.err());
        assertEquals("", horizon.out(), "nothing printed before the refusal");
        Streams date = new Streams();
        assertEquals(2, date.run("--input", input, "--cutoff", "30/09/2025"));
    }

    @Test
    void theJsonOnStandardOutputIsAllThereIs() throws Exception {
        Streams s = new Streams();
        assertEquals(0, s.run("--input", transactions().toString(), "--cutoff", "2025-09-30"), s.out() + s.err());
        JsonNode json = CrmJson.mapper().readTree(s.out());
        assertTrue(json.get("converged").asBoolean());
        assertTrue(json.get("standardErrors").get("alpha").asDouble() > 0, s.out());
        assertTrue(s.out().startsWith("{"), "no escape or progress before the JSON");
        assertTrue(s.err().contains("read 300 customers") && s.err().contains("fitting bg-nbd"), s.err());
    }

    @Test
    void quotedFieldsAndColumnsInAnyOrderAreRead() throws Exception {
        List<String> plain = Files.readAllLines(transactions());
        List<String> quoted = new ArrayList<>(List.of("amount,note,date,customer_id"));
        for (String line : plain.subList(1, plain.size())) {
            String[] f = line.split(",");
            quoted.add(f[2] + ",\"paid, \"\"in store\"\"\"," + f[1] + ",\"" + f[0] + "\"");
        }
        Path file = dir.resolve("quoted.csv");
        Files.write(file, quoted);
        Streams s = new Streams();
        assertEquals(0, s.run("--input", file.toString(), "--cutoff", "2025-09-30"), s.err());
        assertEquals(300, CrmJson.mapper().readTree(s.out()).get("customers").asInt());
        List<RepeatSummary> summaries = RepeatSummary.of(TransactionFiles.read(file), LocalDate.of(2025, 9, 30),
                ChronoUnit.WEEKS);
        assertTrue(summaries.stream().anyMatch(r -> r.customerId().value().equals("c0")),
                summaries.get(0).customerId().value());
    }

    @Test
    void aCustomerIdThatIsNotACrmkitIdIsRefusedAtItsLine() throws Exception {
        Path file = dir.resolve("spaces.csv");
        Files.write(file, List.of("customer_id,date,amount", "c1,2025-01-02,10.00", "\"ann lee\",2025-01-03,12.00"));
        Streams s = new Streams();
        assertEquals(1, s.run("--input", file.toString(), "--cutoff", "2025-09-30"), s.err());
        assertTrue(s.err().contains("spaces.csv:3") && s.err().contains("customer id must be 1-128 letters"),
                s.err());
    }
}
