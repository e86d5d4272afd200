package org.crmkit.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.CaseId;
import org.jspecify.annotations.Nullable;

/** Service cases in {@code crm_service_cases}, indexed by customer and opening time. */
final class JdbcServiceCaseRepository extends JdbcRepository<ServiceCase, CaseId>
        implements ServiceCaseRepository {

    JdbcServiceCaseRepository(Jdbc jdbc) {
        super(jdbc, "service case", "crm_service_cases", ServiceCase.class,
                List.of("customer_id", "at_second", "at_nano"));
    }

    @Override
    CaseId idOf(ServiceCase t) {
        return t.id();
    }

    @Override
    String key(CaseId id) {
        return id.value();
    }

    @Override
    long versionOf(ServiceCase t) {
        return t.version();
    }

    @Override
    ServiceCase withVersion(ServiceCase t, long version) {
        return t.withVersion(version);
    }

    @Override
    List<@Nullable Object> values(ServiceCase t) {
        return Arrays.asList(t.customerId().value(), t.openedAt().getEpochSecond(), t.openedAt().getNano());
    }

    @Override
    public Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(request, "request");
        return jdbc.inTransaction("reading service cases of " + customerId,
                c -> TimeOrdered.page(this, c, customerId, Instant.MIN, Instant.MAX, request));
    }
}
