package org.crmkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aCursorThatARequestWouldRefuseIsRefusedWhenThePageIsMade() {
        assertThrows(RuleViolationException.class, () -> new Page<>(List.of(1), " "));
        assertThrows(RuleViolationException.class, () -> new Page<>(List.of(1), "x".repeat(1_001)));
        RuleViolationException e = assertThrows(RuleViolationException.class, () -> new Page<>(List.of(1), "a\u0000b"));
        assertTrue(e.getMessage().contains("page cursor"), e.getMessage());
    }

    @Test
    void aValidCursorLeadsToTheNextRequest() {
        String longest = "k".repeat(PageRequest.MAX_CURSOR_LENGTH);
        Page<Integer> page = new Page<>(List.of(1, 2), longest);
        assertEquals(new PageRequest(2, longest), page.nextRequest(2).orElseThrow());
        assertEquals(false, new Page<>(List.of(3), null).nextRequest(2).isPresent());
    }
}
