package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;

/**
 * Stores customer profiles. Besides the promises of {@link Repository}:
 * <ul>
 *   <li>An {@link ExternalId} belongs to at most one profile: saving a profile that claims an external id stored
 *       on another profile throws {@link org.crmkit.core.DuplicateException} and changes nothing. The one
 *       exception is a merge: a profile whose {@link Customer#mergedFrom()} names the other holder takes the
 *       external id over, and lookups by it find the merged profile from then on, at once, whether or not the old
 *       holder is still stored.</li>
 *   <li>Lookups by contact address see the stored profiles as they are now: after a profile drops an address it
 *       is no longer found by it, and after it adds one it is.</li>
 * </ul>
 */
public interface CustomerRepository extends Repository<Customer, CustomerId> {

    /**
     * Finds the profile that holds an external id.
     *
     * @param externalId the id in another system
     * @return the profile, or empty when none holds it
     */
    Optional<Customer> findByExternalId(ExternalId externalId);

    /**
     * Finds every profile that holds a contact address. Before profiles are unified several may share one.
     *
     * @param address an email address, phone number or postal address, compared in normalised form
     * @return the profiles, ordered by id; empty when none
     */
    List<Customer> findByContact(ContactAddress address);

    /**
     * Walks every stored profile.
     *
     * @param request the page wanted
     * @return one page, ordered by id (by {@link String#compareTo} of the id's value)
     */
    Page<Customer> findAll(PageRequest request);
}
