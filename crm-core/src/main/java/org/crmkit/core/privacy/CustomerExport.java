package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.List;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * Everything crm-core holds about one customer, as one document (the right to data portability): the profile
 * with its preferences, consents and agreements, every touchpoint and every service case. Written with
 * {@code CrmJson.write(export)}; the {@link #format} names the version of the layout, and documents of an
 * unknown version are refused when read. Immutable.
 *
 * @param format the layout version, {@value #FORMAT}
 * @param exportedAt when the export was made
 * @param customer the profile
 * @param touchpoints the customer's touchpoints, oldest first
 * @param cases the customer's cases, oldest first
 */
public record CustomerExport(String format, Instant exportedAt, Customer customer, List<Touchpoint> touchpoints,
                             List<ServiceCase> cases) {
    /** The current layout version. */
    public static final String FORMAT = "crmkit-customer-export/1";

    /**
     * Validates the document.
     *
     * @throws RuleViolationException when the format is unknown or an item belongs to another customer
     */
    public CustomerExport {
        Checks.notNull("format", format);
        if (!FORMAT.equals(format)) {
            throw new RuleViolationException("format must be " + FORMAT + ": " + Checks.quoted(format));
        }
        Checks.notNull("exportedAt", exportedAt);
        Checks.notNull("customer", customer);
        touchpoints = Checks.list("touchpoints", touchpoints);
        cases = Checks.list("cases", cases);
        for (Touchpoint t : touchpoints) {
            if (!t.customerId().equals(customer.id())) {
                throw new RuleViolationException("touchpoint " + t.id() + " belongs to " + t.customerId()
                        + ", not to " + customer.id());
            }
        }
        for (ServiceCase c : cases) {
            if (!c.customerId().equals(customer.id())) {
                throw new RuleViolationException("case " + c.id() + " belongs to " + c.customerId() + ", not to "
                        + customer.id());
            }
        }
    }
}
