package org.crmkit.core.customer;

import org.crmkit.core.internal.Checks;

/**
 * A kind of special date worth remembering (C5). Extensible: {@code Occasion.of("name-day")}. Immutable.
 *
 * @param code lower-case code
 */
public record Occasion(String code) {
    /** A birthday. */
    public static final Occasion BIRTHDAY = new Occasion("birthday");
    /** A wedding anniversary. */
    public static final Occasion WEDDING_ANNIVERSARY = new Occasion("wedding-anniversary");
    /** The date the customer first bought. */
    public static final Occasion FIRST_PURCHASE = new Occasion("first-purchase");

    /** Validates the code. */
    public Occasion {
        code = Checks.code("occasion", code);
    }

    /**
     * Names an occasion.
     *
     * @param code lower-case code
     * @return the occasion
     */
    public static Occasion of(String code) {
        return new Occasion(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
