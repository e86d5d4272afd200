package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.crmkit.core.common.AttributeValue;

/** The type of a fact's value, which decides the operators that apply to it and the operands they take. */
public enum FactType {
    /** Text, compared for equality; read as {@code String}. */
    TEXT,
    /** A decimal number; read as {@code BigDecimal}. */
    NUMBER,
    /** Yes or no; read as {@code Boolean}. */
    FLAG,
    /** A calendar date; read as {@code LocalDate}. */
    DATE,
    /** A set of texts, such as tags; read as {@code Set<String>}. */
    TEXT_SET;

    /** {@return true when an operand of this value's type may be compared with a fact of this type} */
    boolean accepts(AttributeValue operand) {
        return switch (this) {
            case TEXT, TEXT_SET -> operand instanceof AttributeValue.Text;
            case NUMBER -> operand instanceof AttributeValue.Decimal;
            case FLAG -> operand instanceof AttributeValue.Flag;
            case DATE -> operand instanceof AttributeValue.Date;
        };
    }

    /** {@return true when a value read by a fact of this type has the promised Java type} */
    boolean isValue(Object value) {
        return switch (this) {
            case TEXT -> value instanceof String;
            case NUMBER -> value instanceof BigDecimal;
            case FLAG -> value instanceof Boolean;
            case DATE -> value instanceof LocalDate;
            case TEXT_SET -> value instanceof Set<?>;
        };
    }

    /** {@return the lower-case name used in messages and JSON} */
    String label() {
        return org.crmkit.core.json.EnumNames.of(this);
    }
}
