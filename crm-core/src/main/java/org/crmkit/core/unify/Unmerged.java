package org.crmkit.core.unify;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.internal.Checks;

/**
 * What {@link org.crmkit.core.Crm#unmerge} did. Immutable.
 *
 * @param survivor the survivor as restored
 * @param restored the duplicate, stored again
 * @param touchpoints how many touchpoints went back to the restored profile
 * @param cases how many service cases went back to it
 */
public record Unmerged(Customer survivor, Customer restored, int touchpoints, int cases) {
    /** Checks for nulls. */
    public Unmerged {
        Checks.notNull("survivor", survivor);
        Checks.notNull("restored", restored);
    }
}
