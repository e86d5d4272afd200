package org.crmkit.core.spi;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Asks for one page of a query: at most {@code size} items, after the position a previous page returned.
 * Immutable.
 *
 * @param size the most items wanted, 1 to 10,000
 * @param after the cursor of the previous page's {@link Page#next()}, or null for the first page
 */
public record PageRequest(int size, @Nullable String after) {
    /** The largest page a repository must serve. */
    public static final int MAX_SIZE = 10_000;
    /** The longest cursor text, in characters. */
    public static final int MAX_CURSOR_LENGTH = 1_000;

    /**
     * Validates the request.
     *
     * @throws RuleViolationException when the size is out of range
     */
    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolationException("page size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        if (after != null) {
            Checks.text("page cursor", after, MAX_CURSOR_LENGTH);
        }
    }

    /**
     * The first page.
     *
     * @param size the most items wanted
     * @return the request
     */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }
}
