package org.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.agreement.AgreementId;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.touchpoint.TouchpointId;
import org.junit.jupiter.api.Test;

class RandomIdTest {
    @Test
    void someUuidsLookLikeCardNumbers_soRandomIdsAvoidThem() {
        // A UUID whose last groups are digits only, such as ...-4111-111111111111, passes the Luhn check.
        assertEquals(true, CardNumbers.containsCardNumber("a1b2c3d4-e5f6-a711-4111-111111111111"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = switch (i % 4) {
                case 0 -> CustomerId.random().value();
                case 1 -> TouchpointId.random().value();
                case 2 -> CaseId.random().value();
                default -> AgreementId.random().value();
            };
            UUID.fromString(id);
            seen.add(id);
        }
        assertEquals(20_000, seen.size());
    }
}
