package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;

/** Walks every page of a paged query, checking the page-level promises as it goes. */
public final class Walks {
    private Walks() {
    }

    /**
     * Reads every page.
     *
     * @param query reads one page
     * @param size the page size to ask for
     * @param between called after each page, to change the store while the walk is under way
     * @param <T> the item type
     * @return every item, in page order
     */
    public static <T> List<T> walk(Function<PageRequest, Page<T>> query, int size, Runnable between) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        for (int pages = 0; ; pages++) {
            assertTrue(pages < 100_000, "paging does not end");
            Page<T> page = query.apply(request);
            assertTrue(page.items().size() <= size, "a page holds more than asked: " + page.items().size());
            if (page.hasNext()) {
                assertEquals(size, page.items().size(), "a page before the last is not full");
            }
            all.addAll(page.items());
            if (!page.hasNext()) {
                return all;
            }
            between.run();
            request = page.nextRequest(size).orElseThrow();
        }
    }

    /**
     * Reads every page without changing anything between pages.
     *
     * @param query reads one page
     * @param size the page size
     * @param <T> the item type
     * @return every item, in page order
     */
    public static <T> List<T> walk(Function<PageRequest, Page<T>> query, int size) {
        return walk(query, size, () -> { });
    }
}
