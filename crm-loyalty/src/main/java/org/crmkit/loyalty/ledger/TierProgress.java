package org.crmkit.loyalty.ledger;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.payment.CardNumbers;
import org.jspecify.annotations.Nullable;

/**
 * How far a member is from the next tier. Reaching any one of the next tier's thresholds is enough. Immutable.
 *
 * @param tier the current tier
 * @param nextTier the next tier up, or null at the top
 * @param counted what the current period counts so far
 * @param pointsToGo qualifying points still needed, or 0 when the next tier has no points threshold
 * @param spendToGo spend still needed, or 0 when it has no spend threshold
 * @param activitiesToGo activities still needed, or 0 when it has no activity threshold
 * @param by the last day of the calendar-year period, or null for a rolling period
 */
public record TierProgress(String tier, @Nullable String nextTier, Qualification counted, long pointsToGo,
        BigDecimal spendToGo, long activitiesToGo, @Nullable LocalDate by) {
    /** Checks the fields are present. */
    public TierProgress {
        CardNumbers.requireNoCardNumber("tier", Objects.requireNonNull(tier, "tier"));
        if (nextTier != null) {
            CardNumbers.requireNoCardNumber("nextTier", nextTier);
        }
        Objects.requireNonNull(counted, "counted");
        spendToGo = Objects.requireNonNull(spendToGo, "spendToGo").stripTrailingZeros();
    }

    /** {@return the next tier, or empty at the top} */
    public Optional<String> next() {
        return Optional.ofNullable(nextTier);
    }

    /**
     * Says it in words, such as {@code "1,200 qualifying points to gold by 2026-12-31"}.
     *
     * @param unit the program's unit, such as {@code miles}
     * @return the sentence
     */
    public String describe(String unit) {
        if (nextTier == null) {
            return "at the top tier " + tier;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        List<String> ways = new ArrayList<>();
        if (pointsToGo > 0) {
            ways.add(f.format(pointsToGo) + " qualifying " + unit);
        }
        if (spendToGo.signum() > 0) {
            ways.add(spendToGo.toPlainString() + " of spend");
        }
        if (activitiesToGo > 0) {
            ways.add(f.format(activitiesToGo) + (activitiesToGo == 1 ? " activity" : " activities"));
        }
        String needed = ways.isEmpty() ? "nothing more" : String.join(" or ", ways);
        return needed + " to " + nextTier + (by == null ? " within twelve months" : " by " + by);
    }
}
