package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;

/**
 * A {@link CustomerRepository} that forwards every call to another, for decorators that change one or two
 * operations (auditing, metrics, access checks). Subclasses override what they change; thread-safe when the
 * delegate is and the overrides are.
 */
public abstract class ForwardingCustomerRepository implements CustomerRepository {

    /** For subclasses. */
    protected ForwardingCustomerRepository() {
    }

    /** {@return the repository calls are forwarded to} */
    protected abstract CustomerRepository delegate();

    @Override
    public Customer save(Customer aggregate) {
        return delegate().save(aggregate);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return delegate().findById(id);
    }

    @Override
    public void deleteById(CustomerId id) {
        delegate().deleteById(id);
    }

    @Override
    public long count() {
        return delegate().count();
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        return delegate().findByExternalId(externalId);
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        return delegate().findByContact(address);
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        return delegate().findAll(request);
    }
}
