package org.crmkit.segmentation.rule;

/**
 * The SQL engines {@link SqlPushdown} writes for, and the little that differs between them. Rules translate alike
 * on all of them; only the analyses ({@link SqlPushdown#rfm}, {@link SqlPushdown#repeatSummaries}) divide whole
 * numbers, which engines write differently.
 */
public enum SqlDialect {
    /** PostgreSQL and H2: {@code /} divides whole numbers to a whole number. */
    STANDARD("/"),
    /** DuckDB: {@code /} divides to a floating-point number, {@code //} to a whole one. */
    DUCKDB("//");

    private final String wholeDivision;

    SqlDialect(String wholeDivision) {
        this.wholeDivision = wholeDivision;
    }

    /** {@return the operator that divides whole numbers to a whole number, truncating} */
    String wholeDivision() {
        return " " + wholeDivision + " ";
    }
}
