package org.crmkit.core.touchpoint;

import java.math.BigDecimal;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Decimals;
import org.crmkit.core.common.Money;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One line of a purchase: what was bought, in which category and brand, how much, at what unit price (C8).
 * Immutable.
 *
 * @param sku the product code
 * @param category lower-case category code, such as {@code "pain-relievers"} or {@code "pet-food"}
 * @param brand the brand, if known
 * @param quantity how many (or how much, for goods sold by weight); positive
 * @param unitPrice price of one unit
 */
public record LineItem(String sku, String category, @Nullable String brand, BigDecimal quantity, Money unitPrice) {
    /**
     * Validates the line.
     *
     * @throws RuleViolationException when the quantity is not positive
     */
    public LineItem {
        sku = Checks.id("sku", sku);
        category = Checks.code("category", category);
        brand = Checks.optionalShortText("brand", brand);
        Decimals.bounded("quantity", quantity);
        if (quantity.signum() <= 0) {
            throw new RuleViolationException("quantity must be positive: " + quantity.toPlainString());
        }
        quantity = quantity.stripTrailingZeros();
        Checks.notNull("unitPrice", unitPrice);
    }

    /**
     * A line of whole units.
     *
     * @param sku the product code
     * @param category the category
     * @param brand the brand, or null
     * @param quantity how many
     * @param unitPrice price of one
     * @return the line
     */
    public static LineItem of(String sku, String category, @Nullable String brand, int quantity, Money unitPrice) {
        return new LineItem(sku, category, brand, BigDecimal.valueOf(quantity), unitPrice);
    }

    /** {@return quantity times unit price} */
    public Money total() {
        return unitPrice.times(quantity);
    }
}
