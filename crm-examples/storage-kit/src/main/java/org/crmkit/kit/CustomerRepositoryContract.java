package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.customer.PhoneNumber;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.PageRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link CustomerRepository}. An adapter's test extends this class and implements
 * {@link #createRepository()}; every promise written in the SPI's Javadoc is checked here.
 */
public abstract class CustomerRepositoryContract extends RepositoryContract<Customer, CustomerId, CustomerRepository> {

    /** For adapters' tests. */
    protected CustomerRepositoryContract() {
    }

    @Override
    protected Customer aggregate(int n) {
        return ContractFixtures.customer(n);
    }

    @Override
    protected Optional<Customer> aggregateWithId(String id) {
        return Optional.of(ContractFixtures.customer(1).toBuilder().id(CustomerId.of(id)).externalIds(List.of())
                .build());
    }

    @Override
    protected CustomerId idOf(Customer aggregate) {
        return aggregate.id();
    }

    @Override
    protected long versionOf(Customer aggregate) {
        return aggregate.version();
    }

    @Override
    protected Customer withVersion(Customer aggregate, long version) {
        return aggregate.withVersion(version);
    }

    @Override
    protected Customer withMark(Customer aggregate, String mark) {
        List<String> tags = new ArrayList<>(aggregate.tags());
        tags.add(mark);
        return aggregate.toBuilder().tags(tags).build();
    }

    @Override
    protected Set<String> marksOf(Customer aggregate) {
        return aggregate.tags();
    }

    @Override
    protected Map<String, Runnable> everyOperation(Customer stored) {
        Map<String, Runnable> ops = super.everyOperation(stored);
        ops.put("findByContact", () -> repository.findByContact(EmailAddress.of("person1@example.com")));
        ops.put("findByExternalId", () -> repository.findByExternalId(ExternalId.of("dealer", "D1")));
        ops.put("findAll", () -> repository.findAll(PageRequest.first(10)));
        return ops;
    }

    @Test
    @DisplayName("a lookup by contact finds the profile by email written in any case, and by phone")
    void contactFindsByNormalisedAddress() {
        Customer stored = repository.save(aggregate(1));
        assertEquals(List.of(stored), repository.findByContact(EmailAddress.of("PERSON1@Example.COM")));
        assertEquals(List.of(stored), repository.findByContact(PhoneNumber.of("+1 212 555 0001")));
        assertEquals(List.of(), repository.findByContact(EmailAddress.of("nobody@example.com")));
    }

    @Test
    @DisplayName("a lookup by contact follows a changed contact: the old address no longer finds the profile")
    void contactFollowsChanges() {
        Customer stored = repository.save(aggregate(1));
        EmailAddress old = EmailAddress.of("person1@example.com");
        EmailAddress fresh = EmailAddress.of("new1@example.com");
        assertEquals(List.of(stored), repository.findByContact(old));
        assertEquals(List.of(), repository.findByContact(fresh));
        Customer changed = repository.save(stored.withoutContact(old).withContactPoint(ContactPoint.of(fresh)));
        assertEquals(List.of(), repository.findByContact(old));
        assertEquals(List.of(changed), repository.findByContact(fresh));
    }

    @Test
    @DisplayName("a lookup by contact returns every profile sharing an address, ordered by id")
    void contactSharedAddress() {
        EmailAddress shared = EmailAddress.of("family@example.com");
        for (int n : new int[] {7, 3, 5}) {
            repository.save(aggregate(n).withContactPoint(ContactPoint.of(shared)));
        }
        assertEquals(List.of("cust-00003", "cust-00005", "cust-00007"),
                repository.findByContact(shared).stream().map(c -> c.id().value()).toList());
    }

    @Test
    @DisplayName("a deleted profile is found neither by contact nor by external id")
    void contactNotForDeleted() {
        Customer stored = repository.save(aggregate(1));
        repository.deleteById(stored.id());
        assertEquals(List.of(), repository.findByContact(EmailAddress.of("person1@example.com")));
        assertEquals(Optional.empty(), repository.findByExternalId(ExternalId.of("dealer", "D1")));
    }

    @Test
    @DisplayName("an external id finds the one profile that holds it")
    void externalIdFinds() {
        Customer stored = repository.save(aggregate(1));
        repository.save(aggregate(2));
        assertEquals(Optional.of(stored), repository.findByExternalId(ExternalId.of("shop", "S1")));
        assertEquals(Optional.empty(), repository.findByExternalId(ExternalId.of("shop", "S9")));
    }

    @Test
    @DisplayName("an external id held by another profile is refused, and nothing is written")
    void externalIdUnique() {
        Customer first = repository.save(aggregate(1));
        Customer thief = aggregate(2).toBuilder().externalIds(List.of(ExternalId.of("dealer", "D1"))).build();
        assertThrows(DuplicateException.class, () -> repository.save(thief));
        assertEquals(Optional.empty(), repository.findById(thief.id()));
        assertEquals(Optional.of(first), repository.findByExternalId(ExternalId.of("dealer", "D1")));
    }

    /** Stores profile 1, holder of dealer:D1, and profile 2 merged from it and claiming D1; returns the latter. */
    private Customer mergeHolderOfD1() {
        Customer duplicate = repository.save(aggregate(1));
        Customer survivor = repository.save(aggregate(2));
        return repository.save(survivor.toBuilder()
                .externalIds(List.of(ExternalId.of("dealer", "D1"))).mergedFrom(Set.of(duplicate.id())).build());
    }

    @Test
    @DisplayName("an external id passes to the profile that merged its holder, once the holder is deleted")
    void externalIdMergeTakesOver() {
        Customer merged = mergeHolderOfD1();
        repository.deleteById(aggregate(1).id());
        assertEquals(Optional.of(merged), repository.findByExternalId(ExternalId.of("dealer", "D1")));
    }

    @Test
    @DisplayName("an external id passes to the merged profile at once: its old holder no longer answers")
    void externalIdMergeTakesOverAtOnce() {
        Customer merged = mergeHolderOfD1();
        assertEquals(Optional.of(merged), repository.findByExternalId(ExternalId.of("dealer", "D1")),
                "the old holder, still stored, answered");
    }

    @Test
    @DisplayName("walking every profile returns each once, ordered by id, with pages of 1, 3, 7, 25 and 100")
    void pagingNoGapNoDuplicate() {
        List<Integer> order = IntStream.range(0, 25).map(i -> (i * 11) % 25).boxed().toList();
        order.forEach(n -> repository.save(aggregate(n)));
        List<String> expected = IntStream.range(0, 25).mapToObj(n -> aggregate(n).id().value()).sorted().toList();
        for (int size : new int[] {1, 3, 7, 25, 100}) {
            List<String> ids = Walks.walk(repository::findAll, size).stream().map(c -> c.id().value()).toList();
            assertEquals(expected, ids, "pages of " + size);
        }
    }

    @Test
    @DisplayName("walking every profile returns each that exists throughout once, while others come and go")
    void pagingStableUnderChange() {
        for (int n = 0; n < 30; n += 2) {
            repository.save(aggregate(n));
        }
        int[] next = {1};
        List<Customer> seen = Walks.walk(repository::findAll, 4, () -> {
            repository.save(aggregate(next[0]));
            repository.deleteById(aggregate(next[0] - 1 + 30).id());
            next[0] += 2;
        });
        Set<String> evens = IntStream.range(0, 15).mapToObj(i -> aggregate(i * 2).id().value())
                .collect(Collectors.toSet());
        List<String> seenEvens = seen.stream().map(c -> c.id().value()).filter(evens::contains).toList();
        assertEquals(evens.size(), seenEvens.size(), "each lasting profile exactly once");
        assertEquals(evens, Set.copyOf(seenEvens));
        List<String> ids = seen.stream().map(c -> c.id().value()).toList();
        assertEquals(ids.stream().sorted(Comparator.naturalOrder()).toList(), ids, "ordered by id");
        assertTrue(Set.copyOf(ids).size() == ids.size(), "no duplicates");
    }

    @Test
    @DisplayName("walking 1,001 profiles with pages of 10,000 or 1,000 returns them all: no page is capped")
    void pagingNotCapped() {
        List<Customer> stored = new ArrayList<>();
        for (int n = 0; n < BEYOND_COMMON_CAP; n++) {
            stored.add(repository.save(aggregate(n)));
        }
        stored.sort(Comparator.comparing(c -> c.id().value()));
        assertNotCapped(repository::findAll, stored);
    }
}
