package org.crmkit.core.servicelevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.json.CrmJson;
import org.crmkit.core.touchpoint.TouchpointKind;

class SelectorTest {
    @Test
    void json_withoutSegments_readsAsAnyCustomer() {
        Selector read = CrmJson.read("{\"touchpointKinds\": [\"complaint\"], \"caseCategories\": [], \"lanes\": []}",
                Selector.class);
        assertEquals(Selector.touchpoints(TouchpointKind.COMPLAINT), read);
        assertEquals(Set.of(), read.segments());
    }

    @Test
    void json_roundTripKeepsSegments() {
        Selector gold = Selector.touchpoints(TouchpointKind.COMPLAINT).inSegments("gold-members");
        assertEquals(gold, CrmJson.read(CrmJson.write(gold, Selector.class), Selector.class));
    }

    @Test
    void segmentNames_areCodes() {
        assertThrows(RuleViolationException.class, () -> Selector.ANY.inSegments("Gold Members"));
    }
}
