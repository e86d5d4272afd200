package org.crmkit.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.crmkit.core.RuleViolationException;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void acceptsWhatEveryStoreWritesBack() {
        String text = "Zoë 😀 𝄞\nline two\ttab\r";
        assertEquals(text, Texts.requireStorable("note", text));
    }

    @Test
    void refusesHalfAPairWhereverItStands() {
        assertEquals("note must not contain half a surrogate pair: U+D83D at 2", refusal("ab\uD83D"));
        assertEquals("note must not contain half a surrogate pair: U+DE00 at 0", refusal("\uDE00ab"));
        assertEquals("note must not contain half a surrogate pair: U+D83D at 0", refusal("\uD83D\uD83D\uDE00"));
    }

    @Test
    void refusesControlCharacters() {
        assertEquals("note must not contain control characters: U+0007 at 1", refusal("a\u0007"));
    }

    private static String refusal(String text) {
        return assertThrows(RuleViolationException.class, () -> Texts.requireStorable("note", text)).getMessage();
    }
}
