package org.crmkit.core.customer;

import java.time.Instant;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.internal.Checks;

/**
 * Something staff learned about a customer, with who wrote it and when (C5). Immutable.
 *
 * @param topic what the note is about
 * @param text the note, at most 4,000 characters and never a card number
 * @param author who wrote it
 * @param at when it was written
 */
public record StaffNote(NoteTopic topic, String text, StaffId author, Instant at) {
    /** Validates the note. */
    public StaffNote {
        Checks.notNull("topic", topic);
        text = Checks.text("note text", text, Checks.MAX_TEXT);
        Checks.notNull("author", author);
        Checks.notNull("at", at);
    }
}
