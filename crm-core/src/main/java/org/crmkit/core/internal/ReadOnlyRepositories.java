package org.crmkit.core.internal;

import java.util.Optional;

import org.crmkit.core.common.TimeWindow;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.CaseId;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ForwardingCustomerRepository;
import org.crmkit.core.spi.Page;
import org.crmkit.core.spi.PageRequest;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointId;

/**
 * Views of repositories that read and refuse to write, for the facade to hand out: a write that bypassed the
 * facade would publish no event and skip its rules (consent history only grows, merges move what they must).
 */
public final class ReadOnlyRepositories {
    private ReadOnlyRepositories() {
    }

    private static UnsupportedOperationException refused(String what, String instead) {
        return new UnsupportedOperationException("this view of the " + what + " only reads; write through the Crm"
                + " facade (" + instead + "), which keeps the rules and publishes the events");
    }

    /** {@return a view of the customers that refuses save and delete} */
    public static CustomerRepository customers(CustomerRepository delegate) {
        Checks.notNull("customers", delegate);
        return new ForwardingCustomerRepository() {
            @Override
            protected CustomerRepository delegate() {
                return delegate;
            }

            @Override
            public Customer save(Customer aggregate) {
                throw refused("customers", "create, updateCustomer, recordConsent, merge");
            }

            @Override
            public void deleteById(CustomerId id) {
                throw refused("customers", "erase");
            }
        };
    }

    /** {@return a view of the touchpoints that refuses save and delete} */
    public static TouchpointRepository touchpoints(TouchpointRepository delegate) {
        Checks.notNull("touchpoints", delegate);
        return new TouchpointRepository() {
            @Override
            public Touchpoint save(Touchpoint aggregate) {
                throw refused("touchpoints", "recordTouchpoint");
            }

            @Override
            public Optional<Touchpoint> findById(TouchpointId id) {
                return delegate.findById(id);
            }

            @Override
            public void deleteById(TouchpointId id) {
                throw refused("touchpoints", "erase");
            }

            @Override
            public long count() {
                return delegate.count();
            }

            @Override
            public Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request) {
                return delegate.findByCustomer(customerId, window, request);
            }
        };
    }

    /** {@return a view of the service cases that refuses save and delete} */
    public static ServiceCaseRepository cases(ServiceCaseRepository delegate) {
        Checks.notNull("cases", delegate);
        return new ServiceCaseRepository() {
            @Override
            public ServiceCase save(ServiceCase aggregate) {
                throw refused("service cases", "openCase, updateCase");
            }

            @Override
            public Optional<ServiceCase> findById(CaseId id) {
                return delegate.findById(id);
            }

            @Override
            public void deleteById(CaseId id) {
                throw refused("service cases", "erase");
            }

            @Override
            public long count() {
                return delegate.count();
            }

            @Override
            public Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request) {
                return delegate.findByCustomer(customerId, request);
            }
        };
    }
}
