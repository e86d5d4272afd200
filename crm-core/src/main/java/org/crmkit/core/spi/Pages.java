package org.crmkit.core.spi;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Turns a paged query into a lazy stream. */
public final class Pages {
    /** The page size used when streaming. */
    public static final int STREAM_PAGE_SIZE = 500;

    private Pages() {
    }

    /**
     * Streams every item of a paged query, reading one page at a time.
     *
     * @param query reads one page
     * @param <T> the item type
     * @return the items in the query's order
     */
    public static <T> Stream<T> stream(Function<PageRequest, Page<T>> query) {
        Iterator<T> it = new Iterator<>() {
            private Page<T> page = query.apply(PageRequest.first(STREAM_PAGE_SIZE));
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items().size() && page.hasNext()) {
                    page = query.apply(page.nextRequest(STREAM_PAGE_SIZE).orElseThrow());
                    index = 0;
                }
                return index < page.items().size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
