package org.crmkit.core.memory;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.jspecify.annotations.Nullable;

/** Keeps touchpoints in memory, indexed by customer and time. Thread-safe: reads never block. */
public final class InMemoryTouchpointRepository extends InMemoryRepository<Touchpoint, TouchpointId>
        implements TouchpointRepository {
    private final OrderedIndex<Touchpoint, TouchpointId> byCustomer = new OrderedIndex<>(
            Touchpoint::customerId, t -> new OrderedIndex.Key(t.occurredAt(), t.id().value()), Touchpoint::id);

    /** Creates an empty repository. */
    public InMemoryTouchpointRepository() {
        super("touchpoint", Touchpoint::id, Touchpoint::version);
    }

    @Override
    protected Touchpoint withVersion(Touchpoint aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void reindex(@Nullable Touchpoint before, @Nullable Touchpoint after) {
        byCustomer.update(before, after);
    }

    @Override
    public Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request) {
        Checks.notNull("customerId", customerId);
        Checks.notNull("window", window);
        Checks.notNull("request", request);
        return byCustomer.page(customerId, window.from(), window.until(), request, this::stored);
    }
}
