package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.json.CrmJson;
import org.junit.jupiter.api.Test;

class ValueModelJsonTest {
    @Test
    void fittedModelsAreJsonValues_withTheirTypeNamed() throws Exception {
        PurchaseModel bg = new BgNbd(0.243, 4.414, 0.793, 2.426);
        PurchaseModel pareto = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        for (PurchaseModel m : new PurchaseModel[] {bg, pareto}) {
            String json = CrmJson.write(m, PurchaseModel.class);
            assertTrue(json.contains("\"type\" : \"" + (m instanceof BgNbd ? "bg-nbd" : "pareto-nbd") + "\""), json);
            assertEquals(m, CrmJson.read(json, PurchaseModel.class));
        }
        GammaGamma gg = new GammaGamma(6.25, 3.74, 15.44);
        assertEquals(gg, CrmJson.read(CrmJson.write(gg), GammaGamma.class));
        ModelFit<BgNbd> fit = new ModelFit<>((BgNbd) bg, -9582.4, 412, true);
        TypeReference<ModelFit<BgNbd>> type = new TypeReference<>() { };
        String json = CrmJson.mapper().writerFor(type).writeValueAsString(fit);
        assertEquals(fit, CrmJson.mapper().readValue(json, type));
        InvalidDefinitionException e = assertThrows(InvalidDefinitionException.class, () -> CrmJson.read(
                "{\"type\":\"bg-nbd\",\"format\":1,\"r\":-1,\"alpha\":1,\"a\":1,\"b\":1}", PurchaseModel.class));
        assertTrue(e.getMessage().contains("BG/NBD parameter r must be positive: -1.0"), e.getMessage());
    }

    @Test
    void storedModels_matchTheirGoldenFiles() throws Exception {
        TypeReference<List<PurchaseModel>> models = new TypeReference<>() { };
        List<PurchaseModel> both = List.of(new BgNbd(0.243, 4.414, 0.793, 2.426),
                new ModifiedBgNbd(0.525, 6.183, 0.891, 1.614), new ParetoNbd(0.553, 10.578, 0.606, 11.669));
        assertEquals(golden("value-models.json"), CrmJson.mapper().writerFor(models).writeValueAsString(both));
        assertEquals(both, CrmJson.mapper().readValue(golden("value-models.json"), models));

        BgBb bgbb = new BgBb(1.204, 0.75, 0.657, 2.783);
        assertEquals(golden("bg-bb.json"), CrmJson.write(bgbb));
        assertEquals(bgbb, CrmJson.read(golden("bg-bb.json"), BgBb.class));
        ShiftedBetaGeometric sbg = new ShiftedBetaGeometric(0.704, 1.182);
        assertEquals(golden("sbg.json"), CrmJson.write(sbg));
        assertEquals(sbg, CrmJson.read(golden("sbg.json"), ShiftedBetaGeometric.class));

        GammaGamma gg = new GammaGamma(6.25, 3.74, 15.44);
        assertEquals(golden("gamma-gamma.json"), CrmJson.write(gg));
        assertEquals(gg, CrmJson.read(golden("gamma-gamma.json"), GammaGamma.class));

        Map<String, Double> errors = new java.util.LinkedHashMap<>();
        errors.put("r", 0.125);
        errors.put("alpha", 0.5);
        errors.put("a", 0.25);
        errors.put("b", 0.75);
        ModelFit<BgNbd> fit = new ModelFit<>(new BgNbd(0.243, 4.414, 0.793, 2.426), -9582.4, 412, true, errors,
                List.of(List.of(0.015625, 0.0, 0.0, 0.0), List.of(0.0, 0.25, 0.0, 0.0), List.of(0.0, 0.0, 0.0625, 0.0),
                        List.of(0.0, 0.0, 0.0, 0.5625)));
        TypeReference<ModelFit<BgNbd>> type = new TypeReference<>() { };
        assertEquals(golden("model-fit.json"), CrmJson.mapper().writerFor(type).writeValueAsString(fit));
        assertEquals(fit, CrmJson.mapper().readValue(golden("model-fit.json"), type));
    }

    private static String golden(String name) throws java.io.IOException {
        try (java.io.InputStream in = ValueModelJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
