package org.crmkit.core.payment;

import java.time.YearMonth;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;

/**
 * A payment card on file (C1), held as the token a payment vault issued, with the brand, the last four digits
 * and the expiry month. The full card number is never held: a token or any text that looks like a card number is
 * refused. {@link #toString()} masks the token. Immutable.
 *
 * @param token the vault's reference to the card
 * @param brand the card scheme
 * @param lastFour the last four digits of the card number
 * @param expiry the month the card expires (valid through its last day)
 */
public record PaymentInstrument(String token, CardBrand brand, String lastFour, YearMonth expiry) {
    /**
     * Validates the instrument.
     *
     * @throws RuleViolationException when the token looks like a card number, or the last four are not four digits
     */
    public PaymentInstrument {
        Checks.notNull("token", token);
        if (CardNumbers.containsCardNumber(token)) {
            throw new RuleViolationException("token must be a vault reference, not a payment card number");
        }
        token = Checks.id("token", token);
        Checks.notNull("brand", brand);
        Checks.notNull("last four", lastFour);
        if (!lastFour.matches("[0-9]{4}")) {
            throw new RuleViolationException("last four must be exactly four digits: " + Checks.quoted(lastFour));
        }
        Checks.notNull("expiry", expiry);
    }

    /**
     * Tells whether the card can still be charged in the given month.
     *
     * @param month the month of the charge
     * @return true when {@code month} is not after the expiry month
     */
    public boolean isValidIn(YearMonth month) {
        return !month.isAfter(expiry);
    }

    /** {@return brand, last four and expiry; the token is masked} */
    @Override
    public String toString() {
        return "PaymentInstrument[" + brand + " ****" + lastFour + " exp " + expiry + ", token=****]";
    }
}
