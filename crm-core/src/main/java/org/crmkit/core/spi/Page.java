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
 * @param items the items on this page
 * @param next an opaque cursor for the next page, or null when this is the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, @Nullable String next) {
    /** Copies the items. */
    public Page {
        items = Checks.list("items", items);
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
