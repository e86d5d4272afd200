package org.crmkit.segmentation.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Decimals;
import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.touchpoint.Touchpoint;
import org.crmkit.core.touchpoint.TouchpointKind;

/**
 * One purchase: who, on which day, for how much. Immutable.
 *
 * @param customerId the customer
 * @param date the calendar day of the purchase
 * @param amount what was spent
 */
public record Transaction(CustomerId customerId, LocalDate date, BigDecimal amount) {
    /** Checks for nulls. */
    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        Decimals.bounded("amount", amount);
    }

    /**
     * The purchases among touchpoints, as transactions for {@link RepeatSummary#of}: touchpoints of kind
     * {@link TouchpointKind#PURCHASE}, dated by the calendar day on which they occurred in {@code zone}. A purchase
     * without an amount counts as a purchase of no value. Other kinds, returns and refunds included, are left out.
     *
     * @param touchpoints touchpoints of any customers and kinds
     * @param currency the currency every purchase must be in
     * @param zone the time zone whose calendar days the purchases are counted in
     * @return one transaction per purchase, in the touchpoints' order
     * @throws RuleViolationException when a purchase is in another currency; convert first, since adding amounts
     *     in different currencies would be meaningless
     */
    public static List<Transaction> ofPurchases(Iterable<Touchpoint> touchpoints, Currency currency, ZoneId zone) {
        Objects.requireNonNull(touchpoints, "touchpoints");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(zone, "zone");
        List<Transaction> out = new ArrayList<>();
        for (Touchpoint t : touchpoints) {
            if (!t.kind().equals(TouchpointKind.PURCHASE)) {
                continue;
            }
            BigDecimal amount = BigDecimal.ZERO;
            if (t.amount().isPresent()) {
                Money money = t.amount().get();
                if (!money.currency().equals(currency)) {
                    throw new RuleViolationException("purchase " + t.id().value() + " is in " + money.currency()
                            + ", not " + currency);
                }
                amount = money.amount();
            }
            out.add(new Transaction(t.customerId(), LocalDate.ofInstant(t.occurredAt(), zone), amount));
        }
        return out;
    }
}
