package org.crmkit.loyalty.program;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

import org.crmkit.core.RuleViolationException;
import org.jspecify.annotations.Nullable;

/** When points expire. Points always expire in lots, first earned first expired. */
public sealed interface ExpiryPolicy {

    /** {@return a policy under which points never expire} */
    static ExpiryPolicy never() {
        return Never.INSTANCE;
    }

    /**
     * Points expire a number of months after they were earned, optionally at the end of that month or year.
     *
     * @param months 1 to 1200
     * @param roundTo how to round the expiry date up
     * @return the policy
     */
    static ExpiryPolicy afterEarning(int months, RoundTo roundTo) {
        return new AfterEarning(months, roundTo);
    }

    /**
     * All points expire after a number of months without an accrual or a redemption.
     *
     * @param months 1 to 1200
     * @return the policy
     */
    static ExpiryPolicy afterInactivity(int months) {
        return new AfterInactivity(months);
    }

    /**
     * The day on which a lot earned on {@code earnedOn} expires, or null when it expires only through inactivity
     * or never. Points are no longer available from the start of that day, in the program's zone.
     *
     * @param earnedOn the day the lot was earned
     * @return the expiry day, or null
     */
    @Nullable LocalDate expiresOn(LocalDate earnedOn);

    /** How an expiry date is rounded up. */
    enum RoundTo {
        /** Expire on the same day of the month, the given number of months later. */
        EXACT,
        /** Expire after the last day of that month. */
        MONTH_END,
        /** Expire after the last day of that year. */
        YEAR_END
    }

    /** Points never expire. */
    enum Never implements ExpiryPolicy {
        /** The only instance. */
        INSTANCE;

        @Override
        public @Nullable LocalDate expiresOn(LocalDate earnedOn) {
            return null;
        }
    }

    /**
     * Points expire a number of months after they were earned.
     *
     * @param months 1 to 1200
     * @param roundTo how the date is rounded up
     */
    record AfterEarning(int months, RoundTo roundTo) implements ExpiryPolicy {
        /** Validates the policy. */
        public AfterEarning {
            Objects.requireNonNull(roundTo, "roundTo");
            checkMonths(months);
        }

        @Override
        public LocalDate expiresOn(LocalDate earnedOn) {
            LocalDate later = earnedOn.plusMonths(months);
            return switch (roundTo) {
                case EXACT -> later;
                case MONTH_END -> later.with(TemporalAdjusters.firstDayOfNextMonth());
                case YEAR_END -> later.with(TemporalAdjusters.firstDayOfNextYear());
            };
        }
    }

    /**
     * All points expire after a number of months without activity.
     *
     * @param months 1 to 1200
     */
    record AfterInactivity(int months) implements ExpiryPolicy {
        /** Validates the policy. */
        public AfterInactivity {
            checkMonths(months);
        }

        @Override
        public @Nullable LocalDate expiresOn(LocalDate earnedOn) {
            return null;
        }
    }

    private static void checkMonths(int months) {
        if (months < 1 || months > 1200) {
            throw new RuleViolationException("expiry months must be between 1 and 1200: " + months);
        }
    }
}
