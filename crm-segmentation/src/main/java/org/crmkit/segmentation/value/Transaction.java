package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase: who, on which day, for how much. Immutable.
 *
 * @param customerId the customer
 * @param date the calendar day of the purchase
 * @param amount what was spent
 */
public record Transaction(String customerId, LocalDate date, BigDecimal amount) {
    /** Checks for nulls. */
    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
