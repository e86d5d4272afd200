package org.crmkit.core.unify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.ContactPoint;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.spi.CustomerRepository;

/**
 * Finds profiles that may describe the same customer as a given one: those sharing a normalised email address or
 * phone number, or an external id (C10). Postal addresses alone are not enough, since households share them.
 * Thread-safe when the repository is.
 */
public final class DuplicateFinder {
    private final CustomerRepository customers;

    /**
     * Creates a finder over a repository.
     *
     * @param customers where profiles are stored
     */
    public DuplicateFinder(CustomerRepository customers) {
        this.customers = Checks.notNull("customers", customers);
    }

    /**
     * Finds candidate duplicates of a profile.
     *
     * @param customer the profile
     * @return the other profiles sharing an email, phone or external id with it, ordered by id
     */
    public List<DuplicateCandidate> candidatesFor(Customer customer) {
        Checks.notNull("customer", customer);
        Map<CustomerId, Customer> found = new LinkedHashMap<>();
        Map<CustomerId, TreeSet<String>> shared = new LinkedHashMap<>();
        for (ContactPoint cp : customer.contactPoints()) {
            if (cp.kind() == ContactKind.POSTAL) {
                continue;
            }
            for (Customer other : customers.findByContact(cp.address())) {
                note(customer, other, cp.kind().name(), found, shared);
            }
        }
        for (ExternalId e : customer.externalIds()) {
            customers.findByExternalId(e).ifPresent(other -> note(customer, other, "external:" + e.system(), found,
                    shared));
        }
        List<DuplicateCandidate> out = new ArrayList<>(found.size());
        found.values().stream().sorted(Comparator.comparing(c -> c.id().value()))
                .forEach(c -> out.add(new DuplicateCandidate(c, List.copyOf(shared.get(c.id())))));
        return out;
    }

    private static void note(Customer self, Customer other, String on, Map<CustomerId, Customer> found,
                             Map<CustomerId, TreeSet<String>> shared) {
        if (other.id().equals(self.id())) {
            return;
        }
        found.put(other.id(), other);
        shared.computeIfAbsent(other.id(), k -> new TreeSet<>()).add(on);
    }
}
