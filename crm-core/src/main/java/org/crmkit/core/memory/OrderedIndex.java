package org.crmkit.core.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * A per-customer index ordered by (instant, id), with keyset paging. Writes happen under the owning repository's
 * lock; reads are lock-free.
 */
final class OrderedIndex<T, I> {
    /** A position in the order: the instant, then the id's text. */
    record Key(Instant at, String id) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::at).thenComparing(Key::id);

        String cursor() {
            return at.getEpochSecond() + "." + at.getNano() + "/" + id;
        }

        static Key parse(String cursor) {
            try {
                int slash = cursor.indexOf('/');
                int dot = cursor.indexOf('.');
                return new Key(Instant.ofEpochSecond(Long.parseLong(cursor.substring(0, dot)),
                        Long.parseLong(cursor.substring(dot + 1, slash))), cursor.substring(slash + 1));
            } catch (RuntimeException e) {
                throw new InvalidDefinitionException("cursor", "not a cursor this repository issued", e);
            }
        }
    }

    private final Map<CustomerId, NavigableMap<Key, I>> byCustomer = new ConcurrentHashMap<>();
    private final Function<T, CustomerId> customerOf;
    private final Function<T, Key> keyOf;
    private final Function<T, I> idOf;

    OrderedIndex(Function<T, CustomerId> customerOf, Function<T, Key> keyOf, Function<T, I> idOf) {
        this.customerOf = customerOf;
        this.keyOf = keyOf;
        this.idOf = idOf;
    }

    void update(@Nullable T before, @Nullable T after) {
        if (before != null) {
            NavigableMap<Key, I> m = byCustomer.get(customerOf.apply(before));
            if (m != null) {
                m.remove(keyOf.apply(before));
                if (m.isEmpty()) {
                    byCustomer.remove(customerOf.apply(before));
                }
            }
        }
        if (after != null) {
            Key key = keyOf.apply(after);
            byCustomer.computeIfAbsent(customerOf.apply(after), c -> new ConcurrentSkipListMap<>(Key.ORDER))
                    .put(key, idOf.apply(after));
        }
    }

    /**
     * One page of a customer's aggregates with keys in [from, until), after the cursor.
     *
     * @param load reads the current aggregate for an id; a null result (deleted meanwhile) is skipped
     */
    Page<T> page(CustomerId customer, Instant from, Instant until, PageRequest request, Function<I, @Nullable T> load) {
        NavigableMap<Key, I> m = byCustomer.get(customer);
        if (m == null) {
            return new Page<>(List.of(), null);
        }
        Key lower = request.after() == null ? new Key(from, "") : Key.parse(request.after());
        boolean inclusive = request.after() == null;
        NavigableMap<Key, I> range = m.tailMap(lower, inclusive);
        List<T> items = new ArrayList<>(Math.min(request.size(), 64));
        Key last = null;
        for (Map.Entry<Key, I> e : range.entrySet()) {
            Key k = e.getKey();
            if (k.at().isBefore(from)) {
                continue;
            }
            if (!k.at().isBefore(until)) {
                break;
            }
            T t = load.apply(e.getValue());
            if (t == null || !keyOf.apply(t).equals(k)) {
                continue;
            }
            if (items.size() == request.size()) {
                return new Page<>(items, last.cursor());
            }
            items.add(t);
            last = k;
        }
        return new Page<>(items, null);
    }
}
