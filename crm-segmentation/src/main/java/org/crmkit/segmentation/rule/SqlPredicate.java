package org.crmkit.segmentation.rule;

import java.util.List;
import java.util.Objects;

import org.crmkit.core.payment.CardNumbers;

/**
 * A parameterised SQL boolean expression: text with {@code ?} placeholders and the values to bind to them, in
 * order. Values are never part of the text. Bind them with {@code PreparedStatement.setObject(i + 1, value)}: they
 * are {@code String}, {@code BigDecimal}, {@code Long}, {@code Integer}, {@code Boolean} or {@code LocalDate}.
 * Immutable.
 *
 * @param sql the expression, for a {@code WHERE} clause
 * @param parameters the values, in placeholder order
 */
public record SqlPredicate(String sql, List<Object> parameters) {
    /** Copies the parameters and checks that they match the placeholders. */
    public SqlPredicate {
        CardNumbers.requireNoCardNumber("sql", Objects.requireNonNull(sql, "sql"));
        // A number bound with a negative scale (1E+1) is refused by some drivers (DuckDB's): bind its plain form.
        parameters = parameters.stream().map(Objects::requireNonNull)
                .map(v -> v instanceof java.math.BigDecimal d && d.scale() < 0 ? (Object) d.setScale(0) : v).toList();
        long placeholders = sql.chars().filter(ch -> ch == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException("sql has " + placeholders + " placeholders but parameters are "
                    + parameters.size());
        }
    }
}
