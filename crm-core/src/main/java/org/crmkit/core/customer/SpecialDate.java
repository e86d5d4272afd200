package org.crmkit.core.customer;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;

import org.crmkit.core.RuleViolationException;
import org.crmkit.core.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A date that recurs every year, such as a birthday, with the year when it is known. Immutable.
 *
 * @param occasion what the date celebrates
 * @param day month and day
 * @param year the year it first happened, if known
 */
public record SpecialDate(Occasion occasion, MonthDay day, @Nullable Year year) {
    /**
     * Validates the date.
     *
     * @throws RuleViolationException when the year is given and the day does not exist in it (29 February)
     */
    public SpecialDate {
        Checks.notNull("occasion", occasion);
        Checks.notNull("day", day);
        if (year != null && !day.isValidYear(year.getValue())) {
            throw new RuleViolationException("special date day must exist in its year: " + day + " " + year);
        }
    }

    /**
     * A special date from a full calendar date.
     *
     * @param occasion what the date celebrates
     * @param date the first occurrence
     * @return the special date
     */
    public static SpecialDate of(Occasion occasion, LocalDate date) {
        return new SpecialDate(occasion, MonthDay.from(date), Year.of(date.getYear()));
    }

    /**
     * Tells whether the date falls on the given day; 29 February falls on 28 February in other years.
     *
     * @param date the day to test
     * @return true when the occasion is celebrated that day
     */
    public boolean fallsOn(LocalDate date) {
        return day.atYear(date.getYear()).equals(date);
    }
}
