package org.crmkit.examples.population;

import java.util.List;
import java.util.Objects;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * One customer of a synthetic population, with a year of purchases and the traits they were drawn from, so that
 * tests can check what analyses find against what was put in. Immutable.
 *
 * @param customer the profile: tags {@code pet-owner}, {@code young-family} and {@code member} follow the traits,
 *        marketing consent by email is granted or not
 * @param touchpoints purchases in time order, each with line items in USD
 * @param usage how much the customer buys
 * @param loyalty which brands the customer picks
 * @param household who the customer shops for
 * @param member whether the customer is a loyalty member (60%)
 * @param consents whether the customer granted marketing by email (70%)
 */
public record SyntheticCustomer(Customer customer, List<Touchpoint> touchpoints, Trait.Usage usage,
        Trait.Loyalty loyalty, Trait.Household household, boolean member, boolean consents) {
    /** Copies the touchpoints and checks for nulls. */
    public SyntheticCustomer {
        Objects.requireNonNull(customer, "customer");
        touchpoints = List.copyOf(touchpoints);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(loyalty, "loyalty");
        Objects.requireNonNull(household, "household");
    }
}
