package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.Observation;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ServiceCaseRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class ServiceCaseRepositoryContract
        extends RepositoryContract<ServiceCase, CaseId, ServiceCaseRepository> {
    private static final CustomerId OWNER = CustomerId.of("cust-owner");
    private static final Comparator<ServiceCase> ORDER =
            Comparator.comparing(ServiceCase::openedAt).thenComparing(c -> c.id().value());

    /** For adapters' tests. */
    protected ServiceCaseRepositoryContract() {
    }

    @Override
    protected ServiceCase aggregate(int n) {
        return ContractFixtures.serviceCase(n, OWNER, ContractFixtures.EPOCH.plus(Duration.ofMinutes(n)));
    }

    @Override
    protected Optional<ServiceCase> aggregateWithId(String id) {
        return Optional.of(aggregate(1).toBuilder().id(CaseId.of(id)).build());
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

    @Override
    protected Map<String, Runnable> everyOperation(ServiceCase stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findByCustomer", () -> repository.findByCustomer(OWNER, PageRequest.first(10)));
        return ops;
    }

    private List<ServiceCase> casesOf(CustomerId customer) {
        return Walks.walk(r -> repository.findByCustomer(customer, r), 3);
    }

    @Test
    @DisplayName("a customer's cases come in order of opening, then id, each once, and only the customer's own")
    void casesOrdered() {
        List<ServiceCase> mine = new ArrayList<>();
        for (int n = 0; n < 15; n++) {
            mine.add(repository.save(ContractFixtures.serviceCase(n, OWNER,
                    ContractFixtures.EPOCH.plus(Duration.ofDays((n * 4) % 6)))));
            repository.save(ContractFixtures.serviceCase(100 + n, CustomerId.of("other"), ContractFixtures.EPOCH));
        }
        mine.sort(ORDER);
        for (int size : new int[] {1, 4, 50}) {
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, r), size), "pages of " + size);
        }
        assertEquals(mine, repository.streamByCustomer(OWNER).toList());
    }

    @Test
    @DisplayName("cases opened at the same instant come in id order, not in the order they were saved")
    void casesTiesInIdOrder() {
        List<ServiceCase> mine = new ArrayList<>();
        for (int n = 11; n >= 0; n--) {
            mine.add(repository.save(ContractFixtures.serviceCase(n, OWNER, ContractFixtures.EPOCH)));
        }
        mine.sort(ORDER);
        for (int size : new int[] {1, 5, 12}) {
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, r), size),
                    "ties at one instant, pages of " + size);
        }
    }

    @Test
    @DisplayName("a case moved to another customer is listed under the new customer only")
    void casesFollowMove() {
        ServiceCase c = repository.save(aggregate(1));
        CustomerId survivor = CustomerId.of("cust-survivor");
        ServiceCase moved = repository.save(c.withCustomerId(survivor));
        assertEquals(List.of(), casesOf(OWNER));
        assertEquals(List.of(moved), casesOf(survivor));
    }

    @Test
    @DisplayName("a deleted case is no longer listed under its customer")
    void casesForgetDeleted() {
        ServiceCase first = repository.save(aggregate(1));
        ServiceCase gone = repository.save(aggregate(2));
        ServiceCase last = repository.save(aggregate(3));
        repository.deleteById(gone.id());
        assertEquals(List.of(first, last), casesOf(OWNER));
        assertEquals(List.of(first, last), repository.streamByCustomer(OWNER).toList());
    }

    @Test
    @DisplayName("a customer's 1,001 cases come whole with pages of 10,000 or 1,000: no page is capped")
    void casesNotCapped() {
        List<ServiceCase> mine = new ArrayList<>();
        for (int n = 0; n < BEYOND_COMMON_CAP; n++) {
            mine.add(repository.save(aggregate(n)));
        }
        mine.sort(ORDER);
        assertNotCapped(r -> repository.findByCustomer(OWNER, r), mine);
    }
}
