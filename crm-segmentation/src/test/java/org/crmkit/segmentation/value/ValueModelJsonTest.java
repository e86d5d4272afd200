package org.crmkit.segmentation.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;

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
                "{\"type\":\"bg-nbd\",\"r\":-1,\"alpha\":1,\"a\":1,\"b\":1}", PurchaseModel.class));
        assertTrue(e.getMessage().contains("BG/NBD parameter r must be positive: -1.0"), e.getMessage());
    }
}
