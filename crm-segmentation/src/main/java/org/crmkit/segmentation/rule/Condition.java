package org.crmkit.segmentation.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import org.crmkit.core.common.AttributeValue;

/**
 * A condition over one customer's facts: a {@link Test} of one fact, or {@link All}, {@link Any} and {@link Not}
 * of other conditions. Conditions are plain values: build them with {@link Facts} and the methods of
 * {@link FactRef}, read and write them as JSON, and compile them with {@link FactCatalog#compile(Condition)} before
 * use. Immutable and thread-safe.
 *
 * <p>A condition holds at most {@value FactCatalog#DEFAULT_MAX_CONDITIONS} conditions nested at most
 * {@value FactCatalog#DEFAULT_MAX_DEPTH} deep, counting a part used twice twice, whether built in code or read as
 * JSON: a larger one is refused when built, so that nothing later (compiling, printing, comparing) works on more.
 */
public sealed interface Condition {

    /**
     * Holds when every condition holds.
     *
     * @param conditions at least one condition
     * @return the condition
     * @throws IllegalArgumentException when there are none
     */
    static Condition all(Condition... conditions) {
        return new All(Arrays.asList(conditions));
    }

    /**
     * Holds when at least one condition holds.
     *
     * @param conditions at least one condition
     * @return the condition
     * @throws IllegalArgumentException when there are none
     */
    static Condition any(Condition... conditions) {
        return new Any(Arrays.asList(conditions));
    }

    /**
     * Holds when the condition does not.
     *
     * @param condition the condition
     * @return the condition
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /** {@return this condition and another} @param other the other condition */
    default Condition and(Condition other) {
        return all(this, other);
    }

    /** {@return this condition or another} @param other the other condition */
    default Condition or(Condition other) {
        return any(this, other);
    }

    /** {@return the conditions directly inside this one: none for a test} */
    List<Condition> parts();

    /** {@return the number of conditions in this tree, this one included} */
    default int size() {
        return 1 + parts().stream().mapToInt(Condition::size).sum();
    }

    /** {@return the depth of this tree: 1 for a test} */
    default int depth() {
        return 1 + parts().stream().mapToInt(Condition::depth).max().orElse(0);
    }

    /**
     * Every condition holds; an {@code and}.
     *
     * @param conditions one or more conditions
     */
    record All(List<Condition> conditions) implements Condition {
        /** Refuses an empty list and a tree beyond the limits. */
        public All {
            conditions = nonEmpty("all", conditions);
            withinLimits("all", conditions);
        }

        @Override
        public List<Condition> parts() {
            return conditions;
        }

        @Override
        public String toString() {
            return join(" and ", conditions);
        }
    }

    /**
     * At least one condition holds; an {@code or}.
     *
     * @param conditions one or more conditions
     */
    record Any(List<Condition> conditions) implements Condition {
        /** Refuses an empty list and a tree beyond the limits. */
        public Any {
            conditions = nonEmpty("any", conditions);
            withinLimits("any", conditions);
        }

        @Override
        public List<Condition> parts() {
            return conditions;
        }

        @Override
        public String toString() {
            return join(" or ", conditions);
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the negated condition
     */
    record Not(Condition condition) implements Condition {
        /** Checks for null and the limits. */
        public Not {
            Objects.requireNonNull(condition, "condition");
            withinLimits("not", List.of(condition));
        }

        @Override
        public List<Condition> parts() {
            return List.of(condition);
        }

        @Override
        public String toString() {
            return "not " + (condition instanceof Test ? condition.toString() : "(" + condition + ")");
        }
    }

    /**
     * One fact compared with operands, such as {@code touchpoints.count(kind=purchase, window=P90D) ge 3}.
     *
     * @param fact the fact
     * @param operator the comparison
     * @param operands as many as the operator takes, of one kind (all texts, all numbers...)
     */
    record Test(FactRef fact, Operator operator, List<AttributeValue> operands) implements Condition {
        /** Checks the number of operands against the operator. */
        public Test {
            Objects.requireNonNull(fact, "fact");
            Objects.requireNonNull(operator, "operator");
            operands = List.copyOf(operands);
            int arity = operator.arity();
            if (arity >= 0 ? operands.size() != arity : operands.isEmpty()) {
                throw new IllegalArgumentException("operator " + operator + " takes "
                        + (arity >= 0 ? String.valueOf(arity) : "one or more") + " operands: " + operands.size());
            }
            if (operands.stream().map(Object::getClass).distinct().count() > 1) {
                throw new IllegalArgumentException("operands of " + operator + " must be of one type: " + operands);
            }
        }

        @Override
        public List<Condition> parts() {
            return List.of();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder().append(fact).append(' ').append(operator);
            if (operands.size() == 1) {
                b.append(' ').append(Literals.show(operands.get(0)));
            } else if (!operands.isEmpty()) {
                StringJoiner j = new StringJoiner(", ", " [", "]");
                operands.forEach(o -> j.add(Literals.show(o)));
                b.append(j);
            }
            return b.toString();
        }
    }

    private static List<Condition> nonEmpty(String what, List<Condition> conditions) {
        List<Condition> copy = List.copyOf(conditions);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(what + " needs at least one condition: []");
        }
        return copy;
    }

    /**
     * Every part was checked when it was built, so its size and depth are at most the limits and cost at most the
     * limit to count: a tree built by sharing parts (32 levels of {@code all(x, x)}) is refused in time linear in
     * the limit, and a deep chain of {@code not} is refused at the first level too many, before any recursion.
     */
    private static void withinLimits(String what, List<Condition> parts) {
        long size = 1;
        int depth = 1;
        for (Condition part : parts) {
            size += part.size();
            if (size > FactCatalog.DEFAULT_MAX_CONDITIONS) {
                throw new IllegalArgumentException(what + " must hold at most " + FactCatalog.DEFAULT_MAX_CONDITIONS
                        + " conditions, counting each use of a shared part: more than that");
            }
            depth = Math.max(depth, 1 + part.depth());
        }
        if (depth > FactCatalog.DEFAULT_MAX_DEPTH) {
            throw new IllegalArgumentException(what + " must nest at most " + FactCatalog.DEFAULT_MAX_DEPTH
                    + " deep: " + depth);
        }
    }

    private static String join(String separator, List<Condition> conditions) {
        StringJoiner j = new StringJoiner(separator, "(", ")");
        conditions.forEach(c -> j.add(c.toString()));
        return j.toString();
    }
}
