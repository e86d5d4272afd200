package org.crmkit.loyalty.reward;

import java.security.SecureRandom;
import java.util.function.Supplier;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.payment.CardNumbers;
import org.crmkit.loyalty.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * Coupon codes: ten characters of Crockford's base 32 (digits and upper-case letters without I, L, O and U, so a
 * code read aloud or typed at a till is not mistaken) in two groups, such as {@code 7KQ2M-X9D4T}: 50 bits drawn
 * from a {@link SecureRandom}, so codes cannot be guessed from one another. At most five digits stand together,
 * so a code is never taken for a card number. Thread-safe.
 */
public final class CouponCodes implements Supplier<String> {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 11;

    private final SecureRandom random = new SecureRandom();

    /** Creates a generator. */
    public CouponCodes() {
    }

    /** {@return a new code} */
    @Override
    public String get() {
        long bits = random.nextLong();
        char[] out = new char[LENGTH];
        for (int i = 0, c = 0; i < LENGTH; i++) {
            if (i == 5) {
                out[i] = '-';
                continue;
            }
            out[i] = ALPHABET.charAt((int) (bits >>> (5 * c++)) & 31);
        }
        return new String(out);
    }

    /**
     * Checks a code given to crmkit: a host may issue codes of its own (printed ones, a partner's), so any code of
     * 4-40 upper-case letters, digits and single hyphens between them is accepted, without a card number.
     *
     * @param code the code
     * @return the code
     * @throws RuleViolationException naming the code when it is not one
     */
    public static String check(@Nullable String code) {
        Checks.notNull("coupon code", code);
        int n = code.length();
        boolean ok = n >= 4 && n <= 40 && code.charAt(0) != '-' && code.charAt(n - 1) != '-';
        for (int i = 0; ok && i < n; i++) {
            char c = code.charAt(i);
            ok = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' && code.charAt(i - 1) != '-';
        }
        if (!ok) {
            throw new RuleViolationException("coupon code must be 4-40 upper-case letters and digits, hyphens between"
                    + " them: " + Checks.quoted(code));
        }
        return CardNumbers.requireNoCardNumber("coupon code", code);
    }
}
