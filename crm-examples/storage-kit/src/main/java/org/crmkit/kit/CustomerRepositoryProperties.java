package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.EmailAddress;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.crmkit.core.spi.CustomerRepository;

/**
 * jqwik properties of a {@link CustomerRepository}: round trips of arbitrary profiles, and random sequences of
 * saves, stale saves, contact changes, external-id claims and deletes, after each of which every lookup answers
 * as the in-memory model does. An adapter's test class implements this interface next to extending
 * {@link CustomerRepositoryContract} (a class cannot extend both, so the properties are an interface).
 */
public interface CustomerRepositoryProperties {
    /** Small pools, so that actions collide on ids, addresses and external ids. */
    List<EmailAddress> EMAILS = List.of(EmailAddress.of("a@pool.example"), EmailAddress.of("b@pool.example"),
            EmailAddress.of("c@pool.example"));
    /** External ids the actions claim. */
    List<ExternalId> EXTERNAL_IDS = List.of(ExternalId.of("dealer", "1"), ExternalId.of("dealer", "2"));
    /** How many distinct profile ids the actions use. */
    int IDS = 6;

    /** {@return a new, empty repository; called once per try} */
    CustomerRepository createRepository();

    /**
     * Any valid profile reads back equal but for the version.
     *
     * @param customer an arbitrary profile
     */
    @Property(tries = 200)
    default void anyProfileRoundTrips(@ForAll("anyCustomer") Customer customer) {
        CustomerRepository repository = createRepository();
        Customer saved = repository.save(customer);
        assertEquals(customer.withVersion(1), saved);
        assertEquals(saved, repository.findById(customer.id()).orElseThrow());
    }

    /**
     * Random action sequences leave the adapter answering as the in-memory model.
     *
     * @param chain the actions
     */
    @Property(tries = 100)
    default void behavesLikeTheInMemoryModel(@ForAll("customerActions") ActionChain<CustomerModelPair> chain) {
        chain.withInvariant("answers as the model", CustomerModelPair::assertSameAnswers).run();
    }

    /** {@return arbitrary profiles} */
    @Provide
    default Arbitrary<Customer> anyCustomer() {
        return CrmArbitraries.customers();
    }

    /** {@return chains of repository actions} */
    @Provide
    default Arbitrary<ActionChain<CustomerModelPair>> customerActions() {
        return ActionChain.startWith(() -> new CustomerModelPair(createRepository(), new InMemoryCustomerRepository()))
                .withAction(3, action("save a new profile", (pair, n) -> pair.both(r -> r.save(profile(n)))))
                .withAction(3, action("change a stored profile", (pair, n) -> pair.both(r ->
                        r.save(current(r, n).withContactPoint(ContactPoint.of(EMAILS.get(n % EMAILS.size())))))))
                .withAction(2, action("drop an address", (pair, n) -> pair.both(r ->
                        r.save(current(r, n).withoutContact(EMAILS.get((n / 2) % EMAILS.size()))))))
                .withAction(2, action("claim an external id", (pair, n) -> pair.both(r -> r.save(current(r, n)
                        .toBuilder().externalIds(List.of(EXTERNAL_IDS.get(n % EXTERNAL_IDS.size()))).build()))))
                .withAction(2, action("save a stale snapshot", (pair, n) -> pair.both(r -> {
                    Customer c = current(r, n);
                    return r.save(c.withVersion(Math.max(0, c.version() - 1)).toBuilder().tags(List.of("stale"))
                            .build());
                })))
                .withAction(1, action("delete", (pair, n) -> pair.both(r -> {
                    r.deleteById(id(n));
                    return "deleted";
                })))
                .withMaxTransformations(25);
    }

    private static Action.Independent<CustomerModelPair> action(String name,
                                                                java.util.function.BiConsumer<CustomerModelPair,
                                                                        Integer> step) {
        return () -> Arbitraries.integers().between(0, IDS * 6 - 1)
                .map(n -> Transformer.mutate(name + " #" + n % IDS, pair -> step.accept(pair, n)));
    }

    private static CustomerId id(int n) {
        return CustomerId.of("model-" + n % IDS);
    }

    private static Customer profile(int n) {
        return ContractFixtures.customer(n % IDS).toBuilder().id(id(n)).externalIds(List.of())
                .contactPoints(List.of(ContactPoint.of(EMAILS.get(n % EMAILS.size())))).build();
    }

    private static Customer current(CustomerRepository r, int n) {
        return r.findById(id(n)).orElseGet(() -> profile(n));
    }

    /** The adapter under test and the in-memory model, driven in step. */
    final class CustomerModelPair {
        private final CustomerRepository adapter;
        private final CustomerRepository model;

        CustomerModelPair(CustomerRepository adapter, CustomerRepository model) {
            this.adapter = adapter;
            this.model = model;
        }

        void both(java.util.function.Function<CustomerRepository, Object> operation) {
            Outcome.assertSame("outcome", () -> operation.apply(model), () -> operation.apply(adapter));
        }

        void assertSameAnswers() {
            assertEquals(model.count(), adapter.count(), "count");
            for (int n = 0; n < IDS; n++) {
                assertEquals(model.findById(id(n)), adapter.findById(id(n)), "findById " + id(n));
            }
            for (EmailAddress e : EMAILS) {
                assertEquals(model.findByContact(e), adapter.findByContact(e), "findByContact " + e);
            }
            for (ExternalId e : EXTERNAL_IDS) {
                assertEquals(model.findByExternalId(e), adapter.findByExternalId(e), "findByExternalId " + e);
            }
            assertEquals(Walks.walk(model::findAll, 2), Walks.walk(adapter::findAll, 2), "findAll");
        }

        @Override
        public String toString() {
            return "model " + IntStream.range(0, IDS).mapToObj(n -> model.findById(id(n)).map(c -> c.id() + "@v"
                    + c.version()).orElse("-")).toList();
        }
    }
}
