package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.payment.CardNumbers;

/**
 * A named fact with its parameters, such as {@code touchpoints.spend(currency=USD, window=P90D)}: the left-hand
 * side of a {@link Condition.Test}. Its methods build the conditions of the fluent rule language, so that
 * {@code Facts.tags().contains("pet-owner")} reads as the rule it is. Whether the name and parameters exist is
 * checked when a {@link FactCatalog} compiles the condition. Immutable.
 *
 * @param name the fact's name, such as {@code lifecycleStage} or {@code attribute.household-size}
 * @param parameters the fact's parameters by name, sorted
 */
public record FactRef(String name, Map<String, String> parameters) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,127}");

    /** Validates the name and copies the parameters in name order. */
    public FactRef {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("fact name must be a letter then letters, digits or . _ : -, "
                    + "at most 128: \"" + CardNumbers.mask(name) + "\"");
        }
        CardNumbers.requireNoCardNumber("fact name", name);
        Objects.requireNonNull(parameters, "parameters");
        TreeMap<String, String> sorted = new TreeMap<>();
        parameters.forEach((k, v) -> {
            if (k == null || v == null || k.isBlank() || v.isBlank()) {
                throw new IllegalArgumentException("fact parameters must be non-blank: " + k + "=" + v);
            }
            sorted.put(CardNumbers.requireNoCardNumber("fact parameter name", k),
                    CardNumbers.requireNoCardNumber("fact parameter " + k, v));
        });
        parameters = Collections.unmodifiableMap(sorted);
    }

    /**
     * A fact without parameters.
     *
     * @param name the fact's name
     * @return the reference
     */
    public static FactRef of(String name) {
        return new FactRef(name, Map.of());
    }

    /**
     * A copy with one more parameter.
     *
     * @param key the parameter's name
     * @param value its value
     * @return the reference
     */
    public FactRef with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(parameters);
        copy.put(key, value);
        return new FactRef(name, copy);
    }

    /** {@return the fact equals the text} @param value the text */
    public Condition eq(String value) {
        return test(Operator.EQ, AttributeValue.text(value));
    }

    /** {@return the fact equals the number} @param value the number */
    public Condition eq(long value) {
        return test(Operator.EQ, AttributeValue.number(value));
    }

    /** {@return the fact is the flag} @param value the flag */
    public Condition eq(boolean value) {
        return test(Operator.EQ, AttributeValue.flag(value));
    }

    /** {@return the fact has a value other than the text} @param value the text */
    public Condition ne(String value) {
        return test(Operator.NE, AttributeValue.text(value));
    }

    /** {@return the fact has a value other than the number} @param value the number */
    public Condition ne(long value) {
        return test(Operator.NE, AttributeValue.number(value));
    }

    /** {@return the flag fact is true} */
    public Condition isTrue() {
        return eq(true);
    }

    /** {@return the flag fact is false} */
    public Condition isFalse() {
        return eq(false);
    }

    /** {@return the fact is one of the texts} @param values the texts */
    public Condition in(String... values) {
        return test(Operator.IN, texts(values));
    }

    /** {@return the number fact is greater than or equal to the value} @param value the bound */
    public Condition atLeast(BigDecimal value) {
        return test(Operator.GE, AttributeValue.number(value));
    }

    /** {@return the number fact is greater than or equal to the value} @param value the bound */
    public Condition atLeast(long value) {
        return atLeast(BigDecimal.valueOf(value));
    }

    /** {@return the number fact is at most the value} @param value the bound */
    public Condition atMost(long value) {
        return test(Operator.LE, AttributeValue.number(value));
    }

    /** {@return the number fact is greater than the value} @param value the bound */
    public Condition greaterThan(long value) {
        return test(Operator.GT, AttributeValue.number(value));
    }

    /** {@return the number fact is less than the value} @param value the bound */
    public Condition lessThan(long value) {
        return test(Operator.LT, AttributeValue.number(value));
    }

    /** {@return the date fact is before the date} @param date the date */
    public Condition before(LocalDate date) {
        return test(Operator.LT, AttributeValue.date(date));
    }

    /** {@return the date fact is after the date} @param date the date */
    public Condition after(LocalDate date) {
        return test(Operator.GT, AttributeValue.date(date));
    }

    /** {@return the set fact holds the text} @param value the text */
    public Condition contains(String value) {
        return test(Operator.CONTAINS, AttributeValue.text(value));
    }

    /** {@return the set fact holds one of the texts} @param values the texts */
    public Condition containsAny(String... values) {
        return test(Operator.CONTAINS_ANY, texts(values));
    }

    /** {@return the fact has a value} */
    public Condition present() {
        return new Condition.Test(this, Operator.PRESENT, List.of());
    }

    /** {@return the fact has no value} */
    public Condition absent() {
        return new Condition.Test(this, Operator.ABSENT, List.of());
    }

    /**
     * The general form behind the other methods.
     *
     * @param operator the operator
     * @param operands its operands
     * @return the condition
     * @throws IllegalArgumentException when the number of operands does not suit the operator
     */
    public Condition test(Operator operator, AttributeValue... operands) {
        return new Condition.Test(this, operator, Arrays.asList(operands));
    }

    private static AttributeValue[] texts(String... values) {
        List<AttributeValue> out = new ArrayList<>(values.length);
        for (String v : values) {
            out.add(AttributeValue.text(v));
        }
        return out.toArray(AttributeValue[]::new);
    }

    /** {@return the name, followed by the parameters in brackets when there are any} */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        parameters.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
