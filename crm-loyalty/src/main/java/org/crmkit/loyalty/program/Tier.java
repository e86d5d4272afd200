package org.crmkit.loyalty.program;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.Decimals;
import org.crmkit.loyalty.internal.Checks;

/**
 * One level of a program. A member reaches a tier when any of its thresholds is met within the qualification
 * period; a threshold of zero is not used. The lowest tier of a program has no threshold. Immutable.
 *
 * @param name the tier's code, such as {@code gold}
 * @param qualifyingPoints qualifying points needed, or 0
 * @param spend spend in the program's currency needed, or 0
 * @param activities earning touchpoints (flights, stays, rentals) needed, or 0
 * @param benefits what the tier gives, as codes a host can query ({@code skip-counter}, {@code lounge})
 */
public record Tier(String name, long qualifyingPoints, BigDecimal spend, int activities, Set<String> benefits) {
    /** Validates the tier. */
    public Tier {
        name = Checks.code("tier name", name);
        Checks.nonNegative("tier " + name + " qualifying points", qualifyingPoints);
        Decimals.bounded("tier spend", spend);
        if (spend.signum() < 0) {
            throw new RuleViolationException("tier " + name + " spend must not be negative: " + spend.toPlainString());
        }
        spend = spend.signum() == 0 ? BigDecimal.ZERO : spend.stripTrailingZeros();
        Checks.nonNegative("tier " + name + " activities", activities);
        benefits = Checks.set("benefits", benefits, 100);
        benefits.forEach(b -> Checks.code("benefit", b));
    }

    /**
     * A tier without thresholds: the level every member starts at.
     *
     * @param name the tier's code
     * @param benefits its benefit codes
     * @return the tier
     */
    public static Tier base(String name, String... benefits) {
        return new Tier(name, 0, BigDecimal.ZERO, 0, Set.copyOf(Arrays.asList(benefits)));
    }

    /** {@return a copy needing the given qualifying points} */
    public Tier withQualifyingPoints(long points) {
        return new Tier(name, points, spend, activities, benefits);
    }

    /** {@return a copy needing the given spend in the program's currency} */
    public Tier withSpend(BigDecimal amount) {
        return new Tier(name, qualifyingPoints, amount, activities, benefits);
    }

    /** {@return a copy needing the given number of earning touchpoints} */
    public Tier withActivities(int count) {
        return new Tier(name, qualifyingPoints, spend, count, benefits);
    }

    /** {@return whether the tier has no threshold} */
    public boolean isBase() {
        return qualifyingPoints == 0 && spend.signum() == 0 && activities == 0;
    }

    /**
     * Whether counts for a period reach this tier.
     *
     * @param points qualifying points
     * @param spent spend in the program's currency
     * @param count earning touchpoints
     * @return true when any threshold is met, or the tier has none
     */
    public boolean reachedBy(long points, BigDecimal spent, long count) {
        return isBase()
                || (qualifyingPoints > 0 && points >= qualifyingPoints)
                || (spend.signum() > 0 && spent.compareTo(spend) >= 0)
                || (activities > 0 && count >= activities);
    }
}
