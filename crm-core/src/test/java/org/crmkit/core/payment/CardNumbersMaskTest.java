package org.crmkit.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CardNumbersMaskTest {
    @Test
    void masksEveryCardNumberAndNothingElse() {
        assertEquals("pay <card number> or <card number>, ref 12345",
                CardNumbers.mask("pay 4111 1111 1111 1111 or 5500-0000-0000-0004, ref 12345"));
        assertEquals("no cards here: +1 212 555 0100", CardNumbers.mask("no cards here: +1 212 555 0100"));
    }
}
