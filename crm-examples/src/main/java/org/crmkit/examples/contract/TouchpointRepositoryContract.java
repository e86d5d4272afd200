package org.crmkit.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of a {@link TouchpointRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}.
 */
public abstract class TouchpointRepositoryContract
        extends RepositoryContract<Touchpoint, TouchpointId, TouchpointRepository> {
    /** The customer most fixtures belong to. */
    protected static final CustomerId OWNER = CustomerId.of("cust-owner");

    @Override
    protected Touchpoint aggregate(int n) {
        return ContractFixtures.touchpoint(n, OWNER, ContractFixtures.EPOCH.plus(Duration.ofMinutes(n)));
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
        Map<String, AttributeValue> attributes = new java.util.HashMap<>(aggregate.attributes());
        attributes.put(mark, AttributeValue.flag(true));
        return aggregate.toBuilder().attributes(attributes).build();
    }

    @Override
    protected Set<String> marksOf(Touchpoint aggregate) {
        return aggregate.attributes().keySet();
    }

    private Touchpoint at(int n, CustomerId customer, Instant when) {
        return ContractFixtures.touchpoint(n, customer, when);
    }

    /** Reading a customer's history. */
    @Nested
    @DisplayName("a customer's touchpoints")
    class ByCustomer {
        @ParameterizedTest(name = "with pages of {0}")
        @ValueSource(ints = {1, 2, 5, 50})
        @DisplayName("come in time order, then id order, each once, and only the customer's own")
        void ordered(int size) {
            Instant t = ContractFixtures.EPOCH;
            List<Touchpoint> mine = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                // Several at the same instant, to check the order by id among ties.
                mine.add(repository.save(at(n, OWNER, t.plus(Duration.ofHours((n * 7) % 10)))));
                repository.save(at(100 + n, CustomerId.of("someone-else"), t.plus(Duration.ofHours(n))));
            }
            mine.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(tp -> tp.id().value()));
            assertEquals(mine, Walks.walk(r -> repository.findByCustomer(OWNER, TimeWindow.ALL, r), size));
            assertEquals(mine, repository.streamByCustomer(OWNER, TimeWindow.ALL).toList());
        }

        @Test
        @DisplayName("in a window include its start and exclude its end")
        void halfOpenWindow() {
            Instant t = ContractFixtures.EPOCH;
            Touchpoint atStart = repository.save(at(1, OWNER, t));
            repository.save(at(2, OWNER, t.minusMillis(1)));
            Touchpoint inside = repository.save(at(3, OWNER, t.plus(Duration.ofMinutes(59))));
            repository.save(at(4, OWNER, t.plus(Duration.ofHours(1))));
            assertEquals(List.of(atStart, inside), repository.findByCustomer(OWNER,
                    TimeWindow.between(t, t.plus(Duration.ofHours(1))), org.crmkit.core.spi.PageRequest.first(10))
                    .items());
        }

        @Test
        @DisplayName("follow a touchpoint moved to another customer")
        void repointed() {
            Touchpoint t = repository.save(aggregate(1));
            CustomerId survivor = CustomerId.of("cust-survivor");
            Touchpoint moved = repository.save(t.withCustomerId(survivor));
            assertEquals(List.of(), repository.streamByCustomer(OWNER, TimeWindow.ALL).toList());
            assertEquals(List.of(moved), repository.streamByCustomer(survivor, TimeWindow.ALL).toList());
        }

        @Test
        @DisplayName("are each read once while others are recorded and deleted during the walk")
        void stableUnderChange() {
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
    }
}
