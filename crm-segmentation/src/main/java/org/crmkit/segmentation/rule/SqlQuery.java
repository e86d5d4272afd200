package org.crmkit.segmentation.rule;

import java.util.List;
import java.util.Objects;

/**
 * A parameterised SQL query: text with {@code ?} placeholders and the values to bind to them, in order, bound as
 * {@link SqlPredicate}'s are. The columns it returns are documented where it is made. Immutable.
 *
 * @param sql the query
 * @param parameters the values, in placeholder order
 */
public record SqlQuery(String sql, List<Object> parameters) {
    /** Copies the parameters and checks that they match the placeholders. */
    public SqlQuery {
        SqlPredicate checked = new SqlPredicate(Objects.requireNonNull(sql, "sql"), parameters);
        parameters = checked.parameters();
    }
}
