package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * jqwik properties of the touchpoint and case repositories: arbitrary aggregates round-trip, and any set of a
 * customer's touchpoints is paged back complete, in order, for any page size and window. An adapter's test class
 * implements this interface.
 */
public interface TouchpointRepositoryProperties {

    /** {@return a new, empty touchpoint repository; called once per try} */
    TouchpointRepository createTouchpoints();

    /** {@return a new, empty case repository; called once per try} */
    ServiceCaseRepository createCases();

    /**
     * Any valid touchpoint reads back equal but for the version.
     *
     * @param touchpoint an arbitrary touchpoint
     */
    @Property(tries = 200)
    default void anyTouchpointRoundTrips(@ForAll("anyTouchpoint") Touchpoint touchpoint) {
        TouchpointRepository repository = createTouchpoints();
        assertEquals(touchpoint.withVersion(1), repository.save(touchpoint));
        assertEquals(touchpoint.withVersion(1), repository.findById(touchpoint.id()).orElseThrow());
    }

    /**
     * Any valid case reads back equal but for the version.
     *
     * @param serviceCase an arbitrary case
     */
    @Property(tries = 200)
    default void anyCaseRoundTrips(@ForAll("anyCase") ServiceCase serviceCase) {
        ServiceCaseRepository repository = createCases();
        assertEquals(serviceCase.withVersion(1), repository.save(serviceCase));
        assertEquals(serviceCase.withVersion(1), repository.findById(serviceCase.id()).orElseThrow());
    }

    /**
     * Paging returns exactly the touchpoints in the window, in order, whatever the page size.
     *
     * @param touchpoints arbitrary touchpoints, all given to one customer
     * @param size the page size
     * @param window two instants that bound the window
     */
    @Property(tries = 100)
    default void pagingReturnsTheWindowInOrder(@ForAll("anyTouchpoints") List<Touchpoint> touchpoints,
                                               @ForAll @IntRange(min = 1, max = 7) int size,
                                               @ForAll("windows") TimeWindow window) {
        TouchpointRepository repository = createTouchpoints();
        CustomerId owner = CustomerId.of("owner");
        List<Touchpoint> stored = touchpoints.stream().map(t -> repository.save(t.withCustomerId(owner))).toList();
        List<Touchpoint> expected = stored.stream().filter(t -> window.contains(t.occurredAt()))
                .sorted(Comparator.comparing(Touchpoint::occurredAt).thenComparing(t -> t.id().value())).toList();
        assertEquals(expected, Walks.walk(r -> repository.findByCustomer(owner, window, r), size));
    }

    /** {@return arbitrary touchpoints} */
    @Provide
    default Arbitrary<Touchpoint> anyTouchpoint() {
        return CrmArbitraries.touchpoints();
    }

    /** {@return lists of touchpoints with distinct ids} */
    @Provide
    default Arbitrary<List<Touchpoint>> anyTouchpoints() {
        return CrmArbitraries.touchpoints().list().ofMaxSize(20).uniqueElements(Touchpoint::id);
    }

    /** {@return arbitrary cases} */
    @Provide
    default Arbitrary<ServiceCase> anyCase() {
        return CrmArbitraries.serviceCases();
    }

    /** {@return time windows} */
    @Provide
    default Arbitrary<TimeWindow> windows() {
        return CrmArbitraries.instants().list().ofSize(2)
                .map(l -> l.get(0).isBefore(l.get(1)) ? TimeWindow.between(l.get(0), l.get(1))
                        : TimeWindow.between(l.get(1), l.get(0)));
    }
}
