package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.servicelevel.ClockEvent;
import org.crmkit.core.servicelevel.ItemClock;
import org.crmkit.core.servicelevel.ItemKey;
import org.crmkit.core.spi.ClockStore;
import org.crmkit.core.spi.PageRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ClockStore}: a repository's, plus the open items in key order. An adapter's test extends
 * this class and implements {@link #createRepository()}.
 */
public abstract class ClockStoreContract extends RepositoryContract<ItemClock, ItemKey, ClockStore> {
    private static final CustomerId OWNER = CustomerId.of("cust-clock-owner");

    /** For adapters' tests. */
    protected ClockStoreContract() {
    }

    @Override
    protected ItemClock aggregate(int n) {
        ItemKey key = new ItemKey(n % 2 == 0 ? ItemKey.Kind.CASE : ItemKey.Kind.TOUCHPOINT, "item-" + n);
        return ItemClock.of(key, OWNER).withEvents(List.of(
                ClockEvent.of("opened", ContractFixtures.EPOCH.plus(Duration.ofMinutes(n))),
                ClockEvent.dueMoved(ContractFixtures.EPOCH.plus(Duration.ofMinutes(n + 1)),
                        ContractFixtures.EPOCH.plus(Duration.ofHours(n + 2)))))
                .checked(List.of("std/warning"), "policy-" + n, false);
    }

    @Override
    protected Optional<ItemClock> aggregateWithId(String id) {
        return Optional.of(ItemClock.of(new ItemKey(ItemKey.Kind.CASE, id), OWNER));
    }

    @Override
    protected ItemKey idOf(ItemClock aggregate) {
        return aggregate.key();
    }

    @Override
    protected long versionOf(ItemClock aggregate) {
        return aggregate.version();
    }

    @Override
    protected ItemClock withVersion(ItemClock aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected ItemClock withMark(ItemClock aggregate, String mark) {
        return aggregate.checked(List.of(mark), aggregate.policy(), aggregate.released());
    }

    @Override
    protected Set<String> marksOf(ItemClock aggregate) {
        return aggregate.published();
    }

    @Override
    protected Map<String, Runnable> everyOperation(ItemClock stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findOpen", () -> repository.findOpen(PageRequest.first(10)));
        ops.put("findByCustomer", () -> repository.findByCustomer(OWNER, PageRequest.first(10)));
        return ops;
    }

    @Test
    @DisplayName("open items come in key order, page by page; released items are left out, and come back reopened")
    void openItemsInKeyOrder() {
        for (int n = 1; n <= 7; n++) {
            repository.save(aggregate(n));
        }
        ItemClock released = repository.findById(aggregate(4).key()).orElseThrow();
        released = repository.save(released.checked(List.of(), released.policy(), true));
        List<String> open = Walks.walk(r -> repository.findOpen(r), 2).stream()
                .map(i -> i.key().toString()).toList();
        assertEquals(List.of("case:item-2", "case:item-6", "touchpoint:item-1", "touchpoint:item-3",
                "touchpoint:item-5", "touchpoint:item-7"), open);
        repository.save(released.checked(List.of(), released.policy(), false));
        assertEquals(7, Walks.walk(r -> repository.findOpen(r), 3).size());
        repository.deleteById(aggregate(1).key());
        assertEquals(6, Walks.walk(r -> repository.findOpen(r), 3).size());
    }

    @Test
    @DisplayName("a customer's items, open or released, come in key order; an item moved to another customer follows")
    void itemsByCustomer() {
        CustomerId other = CustomerId.of("cust-clock-other");
        for (int n = 1; n <= 5; n++) {
            ItemClock item = aggregate(n);
            repository.save(n == 3 ? item.withCustomerId(other) : item.checked(List.of(), "p", n == 4));
        }
        List<String> mine = Walks.walk(r -> repository.findByCustomer(OWNER, r), 2).stream()
                .map(i -> i.key().toString()).toList();
        assertEquals(List.of("case:item-2", "case:item-4", "touchpoint:item-1", "touchpoint:item-5"), mine);
        ItemClock moved = repository.findById(aggregate(5).key()).orElseThrow();
        repository.save(moved.withCustomerId(other));
        assertEquals(List.of("touchpoint:item-3", "touchpoint:item-5"), Walks.walk(r -> repository.findByCustomer(
                other, r), 1).stream().map(i -> i.key().toString()).toList());
        assertEquals(3, Walks.walk(r -> repository.findByCustomer(OWNER, r), 5).size());
    }
}
