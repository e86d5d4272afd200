package org.crmkit.loyalty.reward;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Money;
import org.crmkit.loyalty.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * What a coupon or voucher is worth and how many may be handed out. A <b>coupon</b> is given (C8's personal
 * shopping list carries them) and costs the member nothing; a <b>voucher</b> is bought from the rewards catalogue
 * with points. Either is redeemed once, within the campaign's validity. Immutable.
 *
 * @param code the campaign's code, such as {@code pet-food}; coupons name it
 * @param description what the coupon gives, for the member and the cashier
 * @param value what one coupon is worth unless issued at another value
 * @param maxValue the most one coupon may be worth (a deeper discount for the heaviest buyers), at least
 *     {@code value}, in its currency
 * @param pointsCost zero for a coupon; the points a voucher costs
 * @param validFrom the first instant a coupon may be redeemed
 * @param validUntil the instant from which it no longer may, after {@code validFrom}
 * @param stock how many coupons the campaign may issue in all, 1-10,000,000
 * @param perMember how many one member may be issued, 1-1,000
 * @param funder who pays for the discount: the store or a manufacturer
 */
public record Campaign(String code, String description, Money value, Money maxValue, long pointsCost,
                       Instant validFrom, Instant validUntil, int stock, int perMember, String funder) {
    /** The most coupons a campaign may issue. */
    public static final int MAX_STOCK = 10_000_000;
    /** The most coupons of one campaign one member may hold. */
    public static final int MAX_PER_MEMBER = 1_000;

    /** Validates the campaign. */
    public Campaign {
        code = Checks.code("campaign code", code);
        description = Checks.text("campaign " + code + " description", description, 200);
        positive("campaign " + code + " value", value);
        positive("campaign " + code + " maxValue", maxValue);
        if (!maxValue.currency().equals(value.currency()) || maxValue.compareTo(value) < 0) {
            throw new RuleViolationException("campaign " + code + " maxValue must be at least its value " + value
                    + " in the same currency: " + maxValue);
        }
        Checks.nonNegative("campaign " + code + " pointsCost", pointsCost);
        Checks.notNull("validFrom", validFrom);
        Checks.notNull("validUntil", validUntil);
        if (!validUntil.isAfter(validFrom)) {
            throw new RuleViolationException("campaign " + code + " validUntil must be after validFrom " + validFrom
                    + ": " + validUntil);
        }
        within("campaign " + code + " stock", stock, MAX_STOCK);
        within("campaign " + code + " perMember", perMember, MAX_PER_MEMBER);
        funder = Checks.text("campaign " + code + " funder", funder, 100);
    }

    /**
     * Starts a campaign.
     *
     * @param code the campaign's code
     * @return a builder; description, value and validity are required
     * @throws RuleViolationException when the code is not one
     */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    /** {@return true for a voucher, bought with points; false for a coupon, given} */
    public boolean sellsVouchers() {
        return pointsCost > 0;
    }

    /** {@return true when a coupon may be redeemed at the instant} @param at the instant */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    private static void positive(String field, @Nullable Money m) {
        Checks.notNull(field, m);
        if (m.amount().compareTo(BigDecimal.ZERO) <= 0) {
            throw new RuleViolationException(field + " must be positive: " + m);
        }
    }

    private static void within(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new RuleViolationException(field + " must be within 1-" + max + ": " + value);
        }
    }

    /** Builds a campaign; not thread-safe. */
    public static final class Builder {
        private final String code;
        private @Nullable String description;
        private @Nullable Money value;
        private @Nullable Money maxValue;
        private long pointsCost;
        private @Nullable Instant validFrom;
        private @Nullable Instant validUntil;
        private int stock = MAX_STOCK;
        private int perMember = 1;
        private String funder = "store";

        private Builder(String code) {
            this.code = Checks.code("campaign code", code);
        }

        /** {@return this builder} @param value what the coupon gives */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** {@return this builder} @param v a coupon's usual value; also its most unless {@link #maxValue} says */
        public Builder value(Money v) {
            this.value = v;
            return this;
        }

        /** {@return this builder} @param v the most one coupon may be worth */
        public Builder maxValue(Money v) {
            this.maxValue = v;
            return this;
        }

        /** {@return this builder} @param points a voucher's price in points; zero (the default) for a coupon */
        public Builder pointsCost(long points) {
            this.pointsCost = points;
            return this;
        }

        /**
         * Sets when coupons may be redeemed.
         *
         * @param from the first instant
         * @param until the instant from which they no longer may
         * @return this builder
         */
        public Builder validity(Instant from, Instant until) {
            this.validFrom = from;
            this.validUntil = until;
            return this;
        }

        /** {@return this builder} @param n how many coupons in all; 10,000,000 by default */
        public Builder stock(int n) {
            this.stock = n;
            return this;
        }

        /** {@return this builder} @param n how many one member may be issued; one by default */
        public Builder perMember(int n) {
            this.perMember = n;
            return this;
        }

        /** {@return this builder} @param who who pays; the store by default */
        public Builder funder(String who) {
            this.funder = who;
            return this;
        }

        /** {@return the campaign} @throws RuleViolationException naming the first field that is wrong */
        public Campaign build() {
            Money v = Objects.requireNonNull(value, "campaign " + code + " value");
            return new Campaign(code, Objects.requireNonNull(description, "campaign " + code + " description"), v,
                    maxValue == null ? v : maxValue, pointsCost, Objects.requireNonNull(validFrom, "validFrom"),
                    Objects.requireNonNull(validUntil, "validUntil"), stock, perMember, funder);
        }
    }
}
