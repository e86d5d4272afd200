package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** The databases the reference adapter runs on, and the little that differs between them. */
public enum Dialect {
    /** H2, embedded. */
    H2("VARCHAR(200)", "CHARACTER LARGE OBJECT", "NUMERIC(100, 40)"),
    /** PostgreSQL; ids are compared byte by byte (collation "C") whatever the database's locale. */
    POSTGRESQL("VARCHAR(200) COLLATE \"C\"", "TEXT", "NUMERIC");

    private final String idType;
    private final String documentType;
    private final String decimalType;

    Dialect(String idType, String documentType, String decimalType) {
        this.idType = idType;
        this.documentType = documentType;
        this.decimalType = decimalType;
    }

    /**
     * Tells which dialect a data source speaks.
     *
     * @param dataSource the data source
     * @return the dialect
     * @throws SQLException when no connection can be made
     * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String p = product.toLowerCase(Locale.ROOT);
            if (p.contains("h2")) {
                return H2;
            }
            if (p.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("database must be H2 or PostgreSQL: " + product);
        }
    }

    /** {@return the column type of ids, the value of the scripts' {@code ${id}} placeholder} */
    public String idType() {
        return idType;
    }

    /** {@return the column type of JSON documents, the value of the scripts' {@code ${document}} placeholder} */
    public String documentType() {
        return documentType;
    }

    /**
     * {@return the column type of exact decimals holding any number crmkit accepts, the value of the scripts'
     * {@code ${decimal}} placeholder}
     */
    public String decimalType() {
        return decimalType;
    }

    /** {@return the script with the dialect's types put in for its placeholders} */
    String expand(String script) {
        return script.replace("${id}", idType).replace("${document}", documentType).replace("${decimal}", decimalType);
    }

    /** {@return whether the failure is a unique or primary key violation} */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
