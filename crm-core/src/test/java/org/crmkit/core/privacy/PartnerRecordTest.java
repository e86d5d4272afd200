package org.crmkit.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.junit.jupiter.api.Test;

class PartnerRecordTest {

    @Test
    void aPseudonymWhoseDigitsReadAsACardNumberIsStillAPseudonym() {
        String pseudonym = "4111111111111111abcdef0123456789"; // what HMAC hex can produce by chance
        assertTrue(CardNumbers.containsCardNumber(pseudonym));
        assertEquals(pseudonym, new PartnerRecord(pseudonym, "30-39", "902", 1, Map.of()).pseudonym());
    }

    @Test
    void aPseudonymMustHaveThePseudonymKeysForm() {
        assertThrows(RuleViolationException.class, () -> new PartnerRecord("4111111111111111", "30-39", "902", 1,
                Map.of()));
        assertThrows(RuleViolationException.class, () -> new PartnerRecord("Mei Lin", "30-39", "902", 1, Map.of()));
    }
}
