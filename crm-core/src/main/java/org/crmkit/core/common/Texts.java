package org.crmkit.core.common;

import org.crmkit.core.RuleViolationException;

/** What every text crmkit accepts must be: something each store can write and read back unchanged. */
public final class Texts {
    private Texts() {
    }

    /**
     * Refuses a text with a control character other than a line break or tab, or with half a surrogate pair.
     * Half a pair is no character: UTF-8, JSON and SQL text cannot hold it.
     *
     * @param field the field, named in the refusal
     * @param text the text
     * @return the text
     * @throws RuleViolationException naming the field, the character and its index
     */
    public static String requireStorable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw new RuleViolationException(field + " must not contain control characters: U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character beyond the first 65,536
            } else if (Character.isSurrogate(c)) {
                throw new RuleViolationException(field + " must not contain half a surrogate pair: U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
        }
        return text;
    }
}
