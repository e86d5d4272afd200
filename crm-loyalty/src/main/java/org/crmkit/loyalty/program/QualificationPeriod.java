package org.crmkit.loyalty.program;

/**
 * The period over which tier thresholds are counted. Upgrades happen as soon as a threshold is reached; downgrades
 * happen only when a period is reviewed at its end.
 */
public enum QualificationPeriod {
    /**
     * The calendar year in the program's zone. Each year is reviewed on 1 January: a tier that the past year's
     * activity no longer supports is lowered.
     */
    CALENDAR_YEAR,
    /**
     * The twelve months before the instant asked about. Reviews happen at the start of each month; a tier is
     * lowered once it has been held for twelve months and the trailing twelve months no longer support it.
     */
    ROLLING_12_MONTHS
}
