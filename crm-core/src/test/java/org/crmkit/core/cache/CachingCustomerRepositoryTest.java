package org.crmkit.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.crmkit.core.Fixtures;
import org.crmkit.core.VersionConflictException;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;
import org.junit.jupiter.api.Test;

class CachingCustomerRepositoryTest {
    private final CustomerRepository store = spy(new InMemoryCustomerRepository());
    private final CachingCustomerRepository cache = CachingCustomerRepository.of(store, 1_000);
    private final EmailAddress email = EmailAddress.of("mei.lin@example.com");

    @Test
    void repeatedLookups_reachTheStoreOnce_andAreCounted() {
        Customer c = store.save(Fixtures.fullGuest().withVersion(0));
        for (int i = 0; i < 5; i++) {
            assertEquals(c, cache.findById(c.id()).orElseThrow());
            assertEquals(List.of(c), cache.findByContact(email));
        }
        verify(store, times(1)).findById(c.id());
        verify(store, times(1)).findByContact(email);
        assertEquals(4, cache.stats().hitCount());
        assertEquals(1, cache.stats().missCount());
        assertEquals(4, cache.contactStats().hitCount());
    }

    @Test
    void aWriteThroughTheDecorator_isSeenByTheNextRead() {
        Customer c = cache.save(Fixtures.fullGuest().withVersion(0));
        assertEquals(List.of(c), cache.findByContact(email));
        Customer moved = cache.save(c.withoutContact(email).withContactPoint(ContactPoint.of(
                EmailAddress.of("mei@new.example"))));
        assertEquals(moved, cache.findById(c.id()).orElseThrow());
        assertEquals(List.of(), cache.findByContact(email), "the old address no longer finds her");
        assertEquals(List.of(moved), cache.findByContact(EmailAddress.of("mei@new.example")));
    }

    @Test
    void absentIdsAreCachedUntilAWriteCreatesThem() {
        Customer c = Fixtures.fullGuest().withVersion(0);
        assertEquals(java.util.Optional.empty(), cache.findById(c.id()));
        assertEquals(java.util.Optional.empty(), cache.findById(c.id()));
        verify(store, times(1)).findById(c.id());
        cache.save(c);
        assertEquals(1, cache.findById(c.id()).orElseThrow().version());
    }

    @Test
    void aFailedWrite_stillDropsTheCachedEntry() {
        Customer c = cache.save(Fixtures.fullGuest().withVersion(0));
        cache.findById(c.id());
        store.save(c); // a write behind the decorator's back
        assertEquals(1, cache.findById(c.id()).orElseThrow().version(), "stale until the next write through it");
        assertThrows(VersionConflictException.class, () -> cache.save(c));
        assertEquals(2, cache.findById(c.id()).orElseThrow().version());
    }

    @Test
    void deletes_areSeenAtOnce() {
        Customer c = cache.save(Fixtures.fullGuest().withVersion(0));
        cache.findById(c.id());
        cache.deleteById(c.id());
        assertEquals(java.util.Optional.empty(), cache.findById(c.id()));
        assertEquals(List.of(), cache.findByContact(email));
    }

    @Test
    void theCacheIsBounded() {
        CachingCustomerRepository tiny = new CachingCustomerRepository(store, Caffeine.newBuilder()
                .maximumSize(10).executor(Runnable::run).recordStats());
        for (int i = 0; i < 100; i++) {
            tiny.findById(org.crmkit.core.customer.CustomerId.of("c-" + i));
        }
        assertTrue(tiny.stats().evictionCount() >= 80, "evicted " + tiny.stats().evictionCount());
    }
}
