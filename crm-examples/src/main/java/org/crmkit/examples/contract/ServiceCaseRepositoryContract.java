package org.crmkit.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Observation;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of a {@link ServiceCaseRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class ServiceCaseRepositoryContract
        extends RepositoryContract<ServiceCase, CaseId, ServiceCaseRepository> {
    private static final CustomerId OWNER = CustomerId.of("cust-owner");

    @Override
    protected ServiceCase aggregate(int n) {
        return ContractFixtures.serviceCase(n, OWNER, ContractFixtures.EPOCH.plus(Duration.ofMinutes(n)));
    }

    @Override
    protected CaseId idOf(ServiceCase aggregate) {
        return aggregate.id();
    }

    @Override
    protected long versionOf(ServiceCase aggregate) {
        return aggregate.version();
    }

    @Override
    protected ServiceCase withVersion(ServiceCase aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected ServiceCase withMark(ServiceCase aggregate, String mark) {
        return aggregate.withObservation(new Observation(ContractFixtures.EPOCH, null, mark, Map.of()));
    }

    @Override
    protected Set<String> marksOf(ServiceCase aggregate) {
        return aggregate.observations().stream().map(Observation::text).collect(Collectors.toSet());
    }

    /** Reading a customer's cases. */
    @Nested
    @DisplayName("a customer's cases")
    class ByCustomer {
        @ParameterizedTest(name = "with pages of {0}")
        @ValueSource(ints = {1, 4, 50})
        @DisplayName("come in order of opening, then id, each once, and only the customer's own")
        void ordered(int size) {
            List<ServiceCase> mine = new ArrayList<>();
            for (int n = 0; n < 15; n++) {
                mine.add(repository.save(ContractFixtures.serviceCase(n, OWNER,
                        ContractFixtures.EPOCH.plus(Duration.ofDays((n * 4) % 6)))));
                repository.save(ContractFixtures.serviceCase(100 + n, CustomerId.of("other"), ContractFixtures.EPOCH));
            }
            mine.sort(Comparator.comparing(ServiceCase::openedAt).thenComparing(c -> c.id().value()));
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, r), size));
            assertEquals(mine, repository.streamByCustomer(OWNER).toList());
        }
    }
}
