package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * Everything held about one customer, as one document (the right to data portability): the profile with its
 * preferences, consents and agreements, every touchpoint and every service case, and a named section from each
 * {@link ExportContributor} (crm-loyalty's memberships, ledger entries and statements; the host's own data).
 * Written with {@code CrmJson.write(export)}; the {@link #format} names the version of the layout. Version 2 adds
 * the sections; version 1 documents still read, with none. Documents of another version are refused. Immutable.
 *
 * @param format the layout version, {@value #FORMAT} when written now, or {@value #FORMAT_1}
 * @param exportedAt when the export was made
 * @param customer the profile
 * @param touchpoints the customer's touchpoints, oldest first
 * @param cases the customer's cases, oldest first
 * @param sections each contributor's section by its name, sorted by name; empty in version 1
 */
public record CustomerExport(String format, Instant exportedAt, Customer customer, List<Touchpoint> touchpoints,
                             List<ServiceCase> cases, Map<String, JsonNode> sections) {
    /** The current layout version. */
    public static final String FORMAT = "crmkit-customer-export/2";
    /** The first layout version, without sections; still read. */
    public static final String FORMAT_1 = "crmkit-customer-export/1";

    /**
     * Validates the document.
     *
     * @throws RuleViolationException when the format is unknown, an item belongs to another customer, or a
     *     version 1 document has sections
     */
    public CustomerExport {
        Checks.notNull("format", format);
        if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
            throw new RuleViolationException("format must be " + FORMAT + " or " + FORMAT_1 + ": "
                    + Checks.quoted(format));
        }
        // A version 1 document has no sections field: Jackson passes null.
        sections = sections == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sections));
        if (FORMAT_1.equals(format) && !sections.isEmpty()) {
            throw new RuleViolationException("a " + FORMAT_1 + " document has no sections");
        }
        for (Map.Entry<String, JsonNode> s : sections.entrySet()) {
            Checks.code("section name", s.getKey());
            Checks.notNull("section " + s.getKey(), s.getValue());
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
