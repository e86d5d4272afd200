package org.crmkit.core.memory;

import java.time.Instant;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.jspecify.annotations.Nullable;

/** Keeps service cases in memory, indexed by customer and opening time. Thread-safe: reads never block. */
public final class InMemoryServiceCaseRepository extends InMemoryRepository<ServiceCase, CaseId>
        implements ServiceCaseRepository {
    private final OrderedIndex<ServiceCase, CaseId> byCustomer = new OrderedIndex<>(
            ServiceCase::customerId, c -> new OrderedIndex.Key(c.openedAt(), c.id().value()), ServiceCase::id);

    /** Creates an empty repository. */
    public InMemoryServiceCaseRepository() {
        super("service case", ServiceCase::id, ServiceCase::version);
    }

    @Override
    protected ServiceCase withVersion(ServiceCase aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected void reindex(@Nullable ServiceCase before, @Nullable ServiceCase after) {
        byCustomer.update(before, after);
    }

    @Override
    public Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request) {
        Checks.notNull("customerId", customerId);
        Checks.notNull("request", request);
        return byCustomer.page(customerId, Instant.MIN, Instant.MAX, request, this::stored);
    }
}
