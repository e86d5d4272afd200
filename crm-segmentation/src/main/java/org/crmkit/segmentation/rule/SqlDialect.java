package org.crmkit.segmentation.rule;

import java.math.BigDecimal;

/**
 * The SQL engines {@link SqlPushdown} writes for, and the little that differs between them. Rules translate alike
 * on all of them; only the analyses ({@link SqlPushdown#rfm}, {@link SqlPushdown#repeatSummaries}) divide whole
 * numbers and name a floating-point type, which engines write differently. Every dialect's text holds {@code ?}
 * markers; an engine that binds by name (Spark SQL) renames them in order.
 */
public enum SqlDialect {
    /** PostgreSQL and H2: {@code /} divides whole numbers to a whole number. */
    STANDARD("/", "DOUBLE PRECISION"),
    /** DuckDB: {@code /} divides to a floating-point number, {@code //} to a whole one. */
    DUCKDB("//", "DOUBLE"),
    /**
     * Apache Spark SQL: {@code /} divides to a floating-point number, {@code DIV} to a whole one. Spark compares
     * the rounded numbers exactly only when {@code spark.sql.decimalOperations.allowPrecisionLoss} is false.
     */
    SPARK("DIV", "DOUBLE");

    private final String wholeDivision;
    private final String doubleType;

    SqlDialect(String wholeDivision, String doubleType) {
        this.wholeDivision = wholeDivision;
        this.doubleType = doubleType;
    }

    /**
     * Whether a number lies beyond every number this engine's rule tables hold: DuckDB's and Spark's exact decimals
     * have 38 digits, and the tables crmkit writes for them ({@code DECIMAL(38, 20)}) hold magnitudes below
     * 10<sup>18</sup>, so a rule's operand beyond them is decided without the engine, which could not bind it.
     *
     * @param v the number
     * @return true when no value in the tables reaches it
     */
    boolean beyondRange(BigDecimal v) {
        return this != STANDARD && v.abs().compareTo(LIMIT) >= 0;
    }

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(18);

    /**
     * The opening or closing of the type a bound multiplied by a count is compared as: Spark compares two decimals
     * of different types as one with the integer digits of both, dropping decimals when that exceeds 38 digits, so
     * its bounds are cast to the few integer digits of the rule tables' amounts, which keeps theirs.
     *
     * @param open whether the opening is wanted
     * @return the text, empty where no cast is needed
     */
    String boundType(boolean open) {
        if (this != SPARK) {
            return "";
        }
        return open ? "CAST(" : " AS DECIMAL(38, 20))";
    }

    /** {@return the name of the 64-bit floating-point type} */
    String doubleType() {
        return doubleType;
    }

    /** {@return the operator that divides whole numbers to a whole number, truncating} */
    String wholeDivision() {
        return " " + wholeDivision + " ";
    }
}
