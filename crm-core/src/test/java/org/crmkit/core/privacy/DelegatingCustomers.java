package org.crmkit.core.privacy;

import java.util.List;
import java.util.Optional;

import org.crmkit.core.customer.ContactAddress;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.ExternalId;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;

/** Forwards every call, so a test can override one. */
class DelegatingCustomers implements CustomerRepository {
    private final CustomerRepository inner;

    DelegatingCustomers(CustomerRepository inner) {
        this.inner = inner;
    }

    @Override
    public Customer save(Customer aggregate) {
        return inner.save(aggregate);
    }

    @Override
    public Optional<Customer> findById(CustomerId id) {
        return inner.findById(id);
    }

    @Override
    public void deleteById(CustomerId id) {
        inner.deleteById(id);
    }

    @Override
    public long count() {
        return inner.count();
    }

    @Override
    public Optional<Customer> findByExternalId(ExternalId externalId) {
        return inner.findByExternalId(externalId);
    }

    @Override
    public List<Customer> findByContact(ContactAddress address) {
        return inner.findByContact(address);
    }

    @Override
    public Page<Customer> findAll(PageRequest request) {
        return inner.findAll(request);
    }
}
