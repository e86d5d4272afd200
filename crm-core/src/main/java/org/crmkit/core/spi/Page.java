package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;

import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One page of a query's results, in the query's stated order, with a cursor to the next page. Paging is by
 * position (keyset), not by offset: walking every page from the first returns each item that existed throughout
 * the walk exactly once, even when other items are added or removed meanwhile. Immutable.
 *
 * <p>What a repository promises of its pages:
 * <ul>
 *   <li>A page before the last holds exactly the number of items asked for; only the last may hold fewer (even
 *       none). Every size up to {@link PageRequest#MAX_SIZE} is served in full: a repository never caps a page
 *       below what was asked, silently or with a cursor.</li>
 *   <li>The cursor is opaque text of 1 to 1,000 characters, not blank, without control characters other than tab
 *       and line breaks (what {@link PageRequest} accepts back), and only the repository that made it reads it.
 *       </li>
 *   <li>Items that compare equal in the query's first key (two touchpoints at one instant) come in id order, on
 *       one page or across a page boundary.</li>
 * </ul>
 *
 * @param items the items on this page
 * @param next an opaque cursor for the next page, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String next) {
    /** Copies the items. */
    public Page {
        items = Checks.list("items", items);
        if (next != null) {
            Checks.text("page cursor", next, PageRequest.MAX_CURSOR_LENGTH);
        }
    }

    /** {@return true when there is another page} */
    public boolean hasNext() {
        return next != null;
    }

    /**
     * The request for the next page.
     *
     * @param size the most items wanted on it
     * @return the request, or empty when this is the last page
     */
    public Optional<PageRequest> nextRequest(int size) {
        return next == null ? Optional.empty() : Optional.of(new PageRequest(size, next));
    }
}
