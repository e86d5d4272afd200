package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

import org.crmkit.core.common.AttributeValue;
import org.jspecify.annotations.Nullable;

/** How operands and fact values are shown in rule texts and explanations. */
final class Literals {
    private Literals() {
    }

    static String show(AttributeValue value) {
        return value instanceof AttributeValue.Text t ? '"' + t.value() + '"' : show(value.raw());
    }

    static String show(@Nullable Object value) {
        if (value == null) {
            return "no value";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Literals::show).sorted().collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return value.toString();
    }
}
