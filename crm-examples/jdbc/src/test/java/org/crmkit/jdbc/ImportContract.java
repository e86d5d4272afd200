package org.crmkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.core.DuplicateException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.fixtures.population.SyntheticCustomer;
import org.crmkit.fixtures.population.SyntheticPopulation;
import org.crmkit.segmentation.rule.Facts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's bulk imports, on each database: what a batch stores, and that a failed batch stores nothing. */
abstract class ImportContract {
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    private TestDatabase database;
    private JdbcStores stores;
    private List<SyntheticCustomer> people;

    abstract TestDatabase database();

    @BeforeEach
    void open() {
        database = database();
        stores = JdbcStores.open(database);
        people = SyntheticPopulation.of(7, 2_500, END).stream().collect(Collectors.toList());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<Customer> profiles() {
        return people.stream().map(SyntheticCustomer::customer).collect(Collectors.toList());
    }

    @Test
    void importedProfilesReadBackAsSavedOnesDo() {
        assertEquals(2_500, stores.importCustomers(profiles()));
        assertEquals(2_500, stores.customers().count());
        for (Customer c : profiles()) {
            assertEquals(c.withVersion(1), stores.customers().findById(c.id()).orElseThrow());
        }
        Customer some = people.get(1_234).customer();
        assertEquals(List.of(some.withVersion(1)), stores.customers().findByContact(
                some.contactPoints().get(0).address()));
        List<String> petOwners = profiles().stream().filter(c -> c.tags().contains(SyntheticPopulation.PET_OWNER))
                .map(c -> c.id().value()).sorted().collect(Collectors.toList());
        assertTrue(petOwners.size() > 100, "the population has pet owners");
        assertEquals(petOwners, stores.segments().customerIdsWhere(
                JdbcStores.pushdown(PushdownDifferentialProperties.CATALOG)
                        .translate(Facts.tags().contains(SyntheticPopulation.PET_OWNER), java.time.Instant.now())));
    }

    @Test
    void anImportedProfileIsSavedOnAsUsual() {
        stores.importCustomers(profiles().subList(0, 10));
        Customer first = stores.customers().findById(people.get(0).customer().id()).orElseThrow();
        Customer saved = stores.customers().save(first.toBuilder().tags(List.of("vip")).build());
        assertEquals(2, saved.version());
        assertEquals(saved, stores.customers().findById(first.id()).orElseThrow());
    }

    @Test
    void aClashingBatchStoresNothingAndTheBatchesBeforeItStay() {
        List<Customer> input = new ArrayList<>(profiles().subList(0, 1_500));
        input.set(1_200, people.get(10).customer());
        DuplicateException e = assertThrows(DuplicateException.class, () -> stores.importCustomers(input));
        assertTrue(e.getMessage().contains("the 1000 before it were"), e.getMessage());
        assertEquals(1_000, stores.customers().count());
        assertTrue(stores.customers().findById(input.get(1_100).id()).isEmpty());
    }

    @Test
    void anExternalIdHeldByAStoredProfileFailsItsBatch() {
        Customer holder = stores.customers().save(people.get(0).customer().toBuilder()
                .externalIds(List.of(ExternalId.of("pos", "A-1"))).build());
        Customer claimant = people.get(1).customer().toBuilder()
                .externalIds(List.of(ExternalId.of("pos", "A-1"))).build();
        DuplicateException e = assertThrows(DuplicateException.class,
                () -> stores.importCustomers(List.of(people.get(2).customer(), claimant)));
        assertTrue(e.getMessage().contains(claimant.id().value()), e.getMessage());
        assertEquals(1, stores.customers().count());
        assertEquals(holder, stores.customers().findByExternalId(ExternalId.of("pos", "A-1")).orElseThrow());
    }

    @Test
    void onlyNewProfilesCanBeImported() {
        Customer stored = stores.customers().save(people.get(0).customer());
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> stores.importCustomers(List.of(people.get(1).customer(), stored)));
        assertTrue(e.getMessage().contains("version 1") && e.getMessage().contains(stored.id().value()),
                e.getMessage());
        assertEquals(1, stores.customers().count());
    }

    @Test
    void importedTouchpointsPageAsSavedOnesDo() {
        stores.importCustomers(profiles().subList(0, 300));
        List<Touchpoint> touchpoints = people.subList(0, 300).stream().flatMap(p -> p.touchpoints().stream())
                .collect(Collectors.toList());
        assertTrue(touchpoints.size() > 1_000, "more than one batch: " + touchpoints.size());
        assertEquals(touchpoints.size(), stores.importTouchpoints(touchpoints));
        SyntheticCustomer busy = people.subList(0, 300).stream()
                .max((a, b) -> Integer.compare(a.touchpoints().size(), b.touchpoints().size())).orElseThrow();
        List<Touchpoint> read = stores.touchpoints().findByCustomer(busy.customer().id(),
                TimeWindow.between(Instant.EPOCH, END.plusSeconds(1)), PageRequest.first(1_000)).items();
        assertEquals(busy.touchpoints().stream().map(t -> t.withVersion(1))
                .sorted((a, b) -> a.occurredAt().compareTo(b.occurredAt()) != 0
                        ? a.occurredAt().compareTo(b.occurredAt()) : a.id().value().compareTo(b.id().value()))
                .collect(Collectors.toList()), read);
    }
}
