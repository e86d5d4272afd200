package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crmkit.core.json.CrmJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Populations drawn from known parameters, from ten thousand to a million customers, give them back: every estimate
 * lies within three of its standard errors of the truth, at every size. The million-customer BG/NBD fit also equals
 * an independent computation: scipy's L-BFGS-B over a likelihood written separately in Python
 * ({@code crm-examples/benchmarks/scipy/bgnbd_fit.py}), run on the same grouped rows, which this test writes to
 * {@code target/bgnbd-1m-rows.csv}:
 *
 * <pre>python3 crm-examples/benchmarks/scipy/bgnbd_fit.py --gtol 1e-10 --repeats 1 \
 *     crm-segmentation/target/bgnbd-1m-rows.csv</pre>
 *
 * whose output is kept in {@code reference/bgnbd-1m-scipy.json}.
 */
class RecoveryAtScaleTest {
    private static final double[] BG = {0.5, 10.0, 0.6, 3.0};

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000, 1_000_000})
    void bgNbdGivesBackItsParameters(int customers) {
        GroupedSummaries drawn = GroupedSummaries.of(Draws.bgNbd(BG[0], BG[1], BG[2], BG[3], customers, 52,
                customers));
        ModelFit<BgNbd> fit = BgNbd.fit(drawn);
        BgNbd m = fit.model();
        assertWithinThreeStandardErrors(fit, new double[] {m.r(), m.alpha(), m.a(), m.b()}, BG);
    }

    @Test
    void theMillionCustomerFitEqualsScipysWithin1e6InLogLikelihood() throws IOException {
        GroupedSummaries drawn = GroupedSummaries.of(Draws.bgNbd(BG[0], BG[1], BG[2], BG[3], 1_000_000, 52,
                1_000_000));
        write(drawn, Path.of("target", "bgnbd-1m-rows.csv"));
        JsonNode scipy = reference("bgnbd-1m-scipy.json");
        assertEquals(1_000_000, scipy.get("customers").asInt());
        ModelFit<BgNbd> fit = BgNbd.fit(drawn);
        double reference = scipy.get("logLikelihood").asDouble();
        // The total over a million customers (about -7.2 million) within 1e-6: the same maximum.
        assertEquals(reference, fit.logLikelihood(), 1e-6, "crmkit " + fit.logLikelihood() + ", scipy " + reference);
        BgNbd m = fit.model();
        assertEquals(scipy.get("r").asDouble(), m.r(), 1e-4 * m.r());
        assertEquals(scipy.get("alpha").asDouble(), m.alpha(), 1e-4 * m.alpha());
        assertEquals(scipy.get("a").asDouble(), m.a(), 1e-4 * m.a());
        assertEquals(scipy.get("b").asDouble(), m.b(), 1e-4 * m.b());
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void mbgNbdGivesBackItsParameters(int customers) {
        double[] truth = {0.5, 10.0, 0.8, 2.5};
        ModelFit<ModifiedBgNbd> fit = ModifiedBgNbd.fit(GroupedSummaries.of(Draws.mbgNbd(truth[0], truth[1],
                truth[2], truth[3], customers, 52, customers + 1)));
        ModifiedBgNbd m = fit.model();
        assertWithinThreeStandardErrors(fit, new double[] {m.r(), m.alpha(), m.a(), m.b()}, truth);
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void bgBbGivesBackItsParameters(int customers) {
        double[] truth = {1.2, 0.75, 0.65, 2.8};
        ModelFit<BgBb> fit = BgBb.fit(Draws.bgBb(truth[0], truth[1], truth[2], truth[3], customers, 8,
                customers + 2));
        BgBb m = fit.model();
        assertWithinThreeStandardErrors(fit, new double[] {m.alpha(), m.beta(), m.gamma(), m.delta()}, truth);
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 1_000_000})
    void shiftedBetaGeometricGivesBackItsParameters(int customers) {
        double[] truth = {0.7, 1.2};
        ModelFit<ShiftedBetaGeometric> fit = ShiftedBetaGeometric.fit(Draws.shiftedBetaGeometric(truth[0], truth[1],
                customers, 8, customers + 3));
        assertWithinThreeStandardErrors(fit, new double[] {fit.model().alpha(), fit.model().beta()}, truth);
    }

    private static void assertWithinThreeStandardErrors(ModelFit<?> fit, double[] estimate, double[] truth) {
        assertTrue(fit.converged(), fit.toString());
        List<Map.Entry<String, Double>> errors = List.copyOf(fit.standardErrors().entrySet());
        for (int i = 0; i < truth.length; i++) {
            double se = errors.get(i).getValue();
            assertTrue(Math.abs(estimate[i] - truth[i]) <= 3 * se, errors.get(i).getKey() + " " + estimate[i]
                    + " against the truth " + truth[i] + " with standard error " + se + ": " + fit);
        }
    }

    private static void write(GroupedSummaries groups, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        CompactSummaries c = groups.compact();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("x,tx,T,count");
            for (int i = 0; i < c.count.length; i++) {
                w.println(c.x[i] + "," + c.tx[i] + "," + c.age[i] + "," + (long) c.count[i]);
            }
        }
    }

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = RecoveryAtScaleTest.class.getResourceAsStream("/reference/" + name)) {
            return CrmJson.mapper().readTree(in);
        }
    }
}
