package org.crmkit.segmentation.rule;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.crmkit.core.payment.CardNumbers;

/**
 * How a fact is compared with its operands. Each operator applies to some {@link FactType}s and takes a fixed
 * number of operands ({@link #IN} and {@link #CONTAINS_ANY} take one or more). A fact with no value (an attribute
 * never set, the recency of a customer who never bought) satisfies only {@link #ABSENT}.
 */
public enum Operator {
    /** Equal to the operand. */
    EQ("eq", 1, EnumSet.of(FactType.TEXT, FactType.NUMBER, FactType.FLAG, FactType.DATE)),
    /** Has a value, and it differs from the operand. */
    NE("ne", 1, EnumSet.of(FactType.TEXT, FactType.NUMBER, FactType.FLAG, FactType.DATE)),
    /** Less than the operand (earlier, for dates). */
    LT("lt", 1, EnumSet.of(FactType.NUMBER, FactType.DATE)),
    /** Less than or equal to the operand. */
    LE("le", 1, EnumSet.of(FactType.NUMBER, FactType.DATE)),
    /** Greater than the operand (later, for dates). */
    GT("gt", 1, EnumSet.of(FactType.NUMBER, FactType.DATE)),
    /** Greater than or equal to the operand. */
    GE("ge", 1, EnumSet.of(FactType.NUMBER, FactType.DATE)),
    /** Equal to one of the operands. */
    IN("in", -1, EnumSet.of(FactType.TEXT, FactType.NUMBER, FactType.DATE)),
    /** The set holds the operand. */
    CONTAINS("contains", 1, EnumSet.of(FactType.TEXT_SET)),
    /** The set holds at least one of the operands. */
    CONTAINS_ANY("contains-any", -1, EnumSet.of(FactType.TEXT_SET)),
    /** The fact has a value. */
    PRESENT("present", 0, EnumSet.allOf(FactType.class)),
    /** The fact has no value. */
    ABSENT("absent", 0, EnumSet.allOf(FactType.class));

    private final String symbol;
    private final int arity;
    private final Set<FactType> types;

    Operator(String symbol, int arity, Set<FactType> types) {
        this.symbol = symbol;
        this.arity = arity;
        this.types = types;
    }

    /** {@return the name used in JSON and messages, such as {@code "ge"} or {@code "contains-any"}} */
    public String symbol() {
        return symbol;
    }

    /** {@return the number of operands taken, or -1 for one or more} */
    public int arity() {
        return arity;
    }

    /** {@return true when the operator applies to facts of the type} */
    public boolean appliesTo(FactType type) {
        return types.contains(type);
    }

    /**
     * Finds an operator by its symbol.
     *
     * @param symbol such as {@code "ge"}
     * @return the operator
     * @throws IllegalArgumentException when no operator has that symbol
     */
    public static Operator ofSymbol(String symbol) {
        for (Operator op : values()) {
            if (op.symbol.equals(symbol.toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator: " + CardNumbers.mask(symbol));
    }

    @Override
    public String toString() {
        return symbol;
    }
}
