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
import org.crmkit.core.spi.Repository;
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

    /** The reads of any repository, forwarded; the writes refused, naming the facade's methods to use. */
    private abstract static class ReadOnly<T, I, R extends Repository<T, I>> implements Repository<T, I> {
        final R delegate;
        private final String what;
        private final String insteadOfSave;

        ReadOnly(R delegate, String what, String insteadOfSave) {
            this.delegate = Checks.notNull(what, delegate);
            this.what = what;
            this.insteadOfSave = insteadOfSave;
        }

        @Override
        public T save(T aggregate) {
            throw refused(what, insteadOfSave);
        }

        @Override
        public Optional<T> findById(I id) {
            return delegate.findById(id);
        }

        @Override
        public void deleteById(I id) {
            throw refused(what, "erase");
        }

        @Override
        public long count() {
            return delegate.count();
        }
    }

    /** {@return a view of the touchpoints that refuses save and delete} */
    public static TouchpointRepository touchpoints(TouchpointRepository delegate) {
        return new Touchpoints(delegate);
    }

    /** {@return a view of the service cases that refuses save and delete} */
    public static ServiceCaseRepository cases(ServiceCaseRepository delegate) {
        return new Cases(delegate);
    }

    private static final class Touchpoints extends ReadOnly<Touchpoint, TouchpointId, TouchpointRepository>
            implements TouchpointRepository {
        Touchpoints(TouchpointRepository delegate) {
            super(delegate, "touchpoints", "recordTouchpoint");
        }

        @Override
        public Page<Touchpoint> findByCustomer(CustomerId customerId, TimeWindow window, PageRequest request) {
            return delegate.findByCustomer(customerId, window, request);
        }
    }

    private static final class Cases extends ReadOnly<ServiceCase, CaseId, ServiceCaseRepository>
            implements ServiceCaseRepository {
        Cases(ServiceCaseRepository delegate) {
            super(delegate, "service cases", "openCase, updateCase");
        }

        @Override
        public Page<ServiceCase> findByCustomer(CustomerId customerId, PageRequest request) {
            return delegate.findByCustomer(customerId, request);
        }
    }
}
