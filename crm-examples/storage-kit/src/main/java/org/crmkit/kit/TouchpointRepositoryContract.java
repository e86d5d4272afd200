package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link TouchpointRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class TouchpointRepositoryContract
        extends RepositoryContract<Touchpoint, TouchpointId, TouchpointRepository> {
    /** The customer most fixtures belong to. */
    protected static final CustomerId OWNER = CustomerId.of("cust-owner");
    private static final Comparator<Touchpoint> ORDER =
            Comparator.comparing(Touchpoint::occurredAt).thenComparing(tp -> tp.id().value());

    /** For adapters' tests. */
    protected TouchpointRepositoryContract() {
    }

    @Override
    protected Touchpoint aggregate(int n) {
        return ContractFixtures.touchpoint(n, OWNER, ContractFixtures.EPOCH.plus(Duration.ofMinutes(n)));
    }

    @Override
    protected Optional<Touchpoint> aggregateWithId(String id) {
        return Optional.of(aggregate(1).toBuilder().id(TouchpointId.of(id)).build());
    }

    @Override
    protected TouchpointId idOf(Touchpoint aggregate) {
        return aggregate.id();
    }

    @Override
    protected long versionOf(Touchpoint aggregate) {
        return aggregate.version();
    }

    @Override
    protected Touchpoint withVersion(Touchpoint aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected Touchpoint withMark(Touchpoint aggregate, String mark) {
        Map<String, AttributeValue> attributes = new HashMap<>(aggregate.attributes());
        attributes.put(mark, AttributeValue.flag(true));
        return aggregate.toBuilder().attributes(attributes).build();
    }

    @Override
    protected Set<String> marksOf(Touchpoint aggregate) {
        return aggregate.attributes().keySet();
    }

    @Override
    protected Map<String, Runnable> everyOperation(Touchpoint stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findByCustomer", () -> repository.findByCustomer(OWNER, TimeWindow.ALL, PageRequest.first(10)));
        return ops;
    }

    private Touchpoint at(int n, CustomerId customer, Instant when) {
        return ContractFixtures.touchpoint(n, customer, when);
    }

    private List<Touchpoint> history(CustomerId customer) {
        return Walks.walk(r -> repository.findByCustomer(customer, TimeWindow.ALL, r), 3);
    }

    @Test
    @DisplayName("a customer's touchpoints come in time order, then id order, each once, and only the customer's own")
    void historyOrdered() {
        Instant t = ContractFixtures.EPOCH;
        List<Touchpoint> mine = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            mine.add(repository.save(at(n, OWNER, t.plus(Duration.ofHours((n * 7) % 10)))));
            repository.save(at(100 + n, CustomerId.of("someone-else"), t.plus(Duration.ofHours(n))));
        }
        mine.sort(ORDER);
        for (int size : new int[] {1, 2, 5, 50}) {
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, TimeWindow.ALL, r), size),
                    "pages of " + size);
        }
        assertEquals(mine, repository.streamByCustomer(OWNER, TimeWindow.ALL).toList());
    }

    @Test
    @DisplayName("touchpoints at the same instant come in id order, not in the order they were recorded")
    void historyTiesInIdOrder() {
        List<Touchpoint> mine = new ArrayList<>();
        for (int n = 11; n >= 0; n--) {
            mine.add(repository.save(at(n, OWNER, ContractFixtures.EPOCH)));
        }
        mine.sort(ORDER);
        for (int size : new int[] {1, 5, 12}) {
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, TimeWindow.ALL, r), size),
                    "ties at one instant, pages of " + size);
        }
    }

    @Test
    @DisplayName("touchpoints in a window include its start and exclude its end")
    void historyHalfOpenWindow() {
        Instant t = ContractFixtures.EPOCH;
        Touchpoint atStart = repository.save(at(1, OWNER, t));
        repository.save(at(2, OWNER, t.minusMillis(1)));
        Touchpoint inside = repository.save(at(3, OWNER, t.plus(Duration.ofMinutes(59))));
        repository.save(at(4, OWNER, t.plus(Duration.ofHours(1))));
        assertEquals(List.of(atStart, inside), repository.findByCustomer(OWNER,
                TimeWindow.between(t, t.plus(Duration.ofHours(1))), PageRequest.first(10)).items());
    }

    @Test
    @DisplayName("TimeWindow.ALL selects touchpoints of any time, centuries back or ahead")
    void historyAllTimes() {
        List<Touchpoint> mine = new ArrayList<>();
        mine.add(repository.save(at(1, OWNER, Instant.parse("1601-01-01T00:00:00Z"))));
        mine.add(repository.save(at(2, OWNER, ContractFixtures.EPOCH)));
        mine.add(repository.save(at(3, OWNER, Instant.parse("2399-12-31T23:59:59.999Z"))));
        assertEquals(mine, history(OWNER));
    }

    @Test
    @DisplayName("a touchpoint moved to another customer is listed under the new customer only")
    void historyFollowsMove() {
        Touchpoint t = repository.save(aggregate(1));
        CustomerId survivor = CustomerId.of("cust-survivor");
        Touchpoint moved = repository.save(t.withCustomerId(survivor));
        assertEquals(List.of(), repository.streamByCustomer(OWNER, TimeWindow.ALL).toList());
        assertEquals(List.of(moved), repository.streamByCustomer(survivor, TimeWindow.ALL).toList());
    }

    @Test
    @DisplayName("a deleted touchpoint is no longer listed under its customer")
    void historyForgetsDeleted() {
        Touchpoint first = repository.save(aggregate(1));
        Touchpoint gone = repository.save(aggregate(2));
        Touchpoint last = repository.save(aggregate(3));
        repository.deleteById(gone.id());
        assertEquals(List.of(first, last), history(OWNER));
        assertEquals(List.of(first, last), repository.streamByCustomer(OWNER, TimeWindow.ALL).toList());
    }

    @Test
    @DisplayName("a customer's touchpoints are each read once while others are recorded and deleted during the walk")
    void historyStableUnderChange() {
        Instant t = ContractFixtures.EPOCH;
        List<TouchpointId> lasting = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            lasting.add(repository.save(at(n, OWNER, t.plus(Duration.ofHours(n * 2L)))).id());
        }
        int[] next = {0};
        List<Touchpoint> seen = Walks.walk(r -> repository.findByCustomer(OWNER, TimeWindow.ALL, r), 3, () -> {
            Instant between = t.plus(Duration.ofHours(next[0] * 2L + 1));
            Touchpoint extra = repository.save(at(500 + next[0], OWNER, between));
            if (next[0] > 0) {
                repository.deleteById(TouchpointId.of(String.format("tp-%06d", 500 + next[0] - 1)));
            }
            next[0]++;
            assertEquals(OWNER, extra.customerId());
        });
        assertEquals(lasting, seen.stream().map(Touchpoint::id).filter(lasting::contains).toList());
    }

    @Test
    @DisplayName("a customer's 1,001 touchpoints come whole with pages of 10,000 or 1,000: no page is capped")
    void historyNotCapped() {
        List<Touchpoint> mine = new ArrayList<>();
        for (int n = 0; n < BEYOND_COMMON_CAP; n++) {
            mine.add(repository.save(aggregate(n)));
        }
        mine.sort(ORDER);
        assertNotCapped(r -> repository.findByCustomer(OWNER, TimeWindow.ALL, r), mine);
    }
}
