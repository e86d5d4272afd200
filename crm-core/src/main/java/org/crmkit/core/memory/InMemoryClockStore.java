package org.crmkit.core.memory;

import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.jspecify.annotations.Nullable;

/** Keeps measured items' clocks in memory, indexed by whether they are open. Thread-safe: reads never block. */
public final class InMemoryClockStore extends InMemoryRepository<ItemClock, ItemKey> implements ClockStore {
    private final ConcurrentSkipListMap<String, ItemKey> open = new ConcurrentSkipListMap<>();
    private final OrderedIndex<ItemClock, ItemKey> byCustomer = new OrderedIndex<>(ItemClock::customerId,
            i -> new OrderedIndex.Key(Instant.EPOCH, i.key().toString()), ItemClock::key);

    /** Creates an empty store. */
    public InMemoryClockStore() {
        super("item clock", ItemClock::key, ItemClock::version);
    }

    @Override
    protected ItemClock withVersion(ItemClock aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void reindex(@Nullable ItemClock before, @Nullable ItemClock after) {
        if (before != null) {
            open.remove(before.key().toString());
        }
        if (after != null && !after.released()) {
            open.put(after.key().toString(), after.key());
        }
        byCustomer.update(before, after);
    }

    @Override
    public Page<ItemClock> findOpen(PageRequest request) {
        return page(open, request);
    }

    @Override
    public Page<ItemClock> findByCustomer(CustomerId customerId, PageRequest request) {
        Checks.notNull("customerId", customerId);
        Checks.notNull("request", request);
        return byCustomer.page(customerId, Instant.MIN, Instant.MAX, request, this::stored);
    }
}
