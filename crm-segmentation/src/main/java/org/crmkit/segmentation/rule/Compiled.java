package org.crmkit.segmentation.rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.crmkit.core.common.AttributeValue;
import org.jspecify.annotations.Nullable;

/** The compiled forms of conditions: a tree of nodes that read facts and compare, without looking anything up. */
final class Compiled {
    private Compiled() {
    }

    interface Node {
        boolean test(Subject subject);

        Explanation explain(Subject subject);
    }

    /** An {@code all} ({@code any == false}) or an {@code any}: stops at the first part that decides. */
    record Junction(Node[] parts, boolean any) implements Node {
        @Override
        public boolean test(Subject subject) {
            // Two plain loops: the hot path of every rule, kept as simple as hand-written code.
            if (any) {
                for (Node p : parts) {
                    if (p.test(subject)) {
                        return true;
                    }
                }
                return false;
            }
            for (Node p : parts) {
                if (!p.test(subject)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Explanation explain(Subject subject) {
            List<Explanation> out = new ArrayList<>(parts.length);
            boolean decided = false;
            for (Node p : parts) {
                Explanation e = p.explain(subject);
                decided |= e.held() == any;
                out.add(e);
            }
            return new Explanation(any ? "any of" : "all of", decided == any, Optional.empty(), out);
        }
    }

    record Not(Node part) implements Node {
        @Override
        public boolean test(Subject subject) {
            return !part.test(subject);
        }

        @Override
        public Explanation explain(Subject subject) {
            Explanation e = part.explain(subject);
            return new Explanation("not", !e.held(), Optional.empty(), List.of(e));
        }
    }

    /** Compares a value read by a fact; {@code check} sees only non-null values unless the operator is about presence. */
    record Test(FactReader reader, Check check, String text) implements Node {
        @Override
        public boolean test(Subject subject) {
            return check.holds(reader.read(subject));
        }

        @Override
        public Explanation explain(Subject subject) {
            Object value = reader.read(subject);
            return new Explanation(text, check.holds(value), Optional.of(Literals.show(value)), List.of());
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds(@Nullable Object value);
    }

    /** How to read an enum-backed text fact by ordinal, with the fact's text for each ordinal. */
    record Ordinals(ToIntFunction<Subject> ordinal, String[] names) {
    }

    /**
     * Compiles one test. The common shapes get a node class of their own whose comparison is plain code, so that
     * a rule pays one call into the fact's reader per test rather than a reader call and a comparison call.
     */
    static Node test(FactDefinition def, FactReader reader, Condition.Test test) {
        Check check = check(def.type(), test.operator(), test.operands());
        String text = test.toString();
        Operator op = test.operator();
        Ordinals ordinals = StandardFacts.ordinals(def);
        if (ordinals != null && (op == Operator.EQ || op == Operator.NE || op == Operator.IN)) {
            boolean[] accepted = new boolean[ordinals.names().length];
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = check.holds(ordinals.names()[i]);
            }
            return new ByOrdinal(ordinals.ordinal(), accepted, new Test(reader, check, text));
        }
        if (def.type() == FactType.NUMBER && op.arity() == 1 && op != Operator.IN) {
            return new NumberTest(reader, (BigDecimal) test.operands().get(0).raw(), op, new Test(reader, check, text));
        }
        if (def.type() == FactType.TEXT_SET && op == Operator.CONTAINS) {
            return new SetContains(reader, test.operands().get(0).raw(), new Test(reader, check, text));
        }
        if (def.type() == FactType.FLAG && op == Operator.EQ) {
            return new FlagIs(reader, (Boolean) test.operands().get(0).raw(), new Test(reader, check, text));
        }
        return new Test(reader, check, text);
    }

    record ByOrdinal(ToIntFunction<Subject> ordinal, boolean[] accepted, Test general) implements Node {
        @Override
        public boolean test(Subject subject) {
            return accepted[ordinal.applyAsInt(subject)];
        }

        @Override
        public Explanation explain(Subject subject) {
            return general.explain(subject);
        }
    }

    record NumberTest(FactReader reader, BigDecimal bound, Operator op, Test general) implements Node {
        @Override
        public boolean test(Subject subject) {
            Object v = reader.read(subject);
            if (v == null) {
                return false;
            }
            int c = ((BigDecimal) v).compareTo(bound);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                default -> throw new IllegalStateException("not a comparison: " + op);
            };
        }

        @Override
        public Explanation explain(Subject subject) {
            return general.explain(subject);
        }
    }

    record SetContains(FactReader reader, Object wanted, Test general) implements Node {
        @Override
        public boolean test(Subject subject) {
            Object v = reader.read(subject);
            return v != null && ((Set<?>) v).contains(wanted);
        }

        @Override
        public Explanation explain(Subject subject) {
            return general.explain(subject);
        }
    }

    record FlagIs(FactReader reader, Boolean wanted, Test general) implements Node {
        @Override
        public boolean test(Subject subject) {
            return wanted.equals(reader.read(subject));
        }

        @Override
        public Explanation explain(Subject subject) {
            return general.explain(subject);
        }
    }

    /** Builds the comparison for an operator and its operands, already checked against the fact's type. */
    static Check check(FactType type, Operator op, List<AttributeValue> operands) {
        Object first = operands.isEmpty() ? null : operands.get(0).raw();
        return switch (op) {
            case PRESENT -> v -> v != null;
            case ABSENT -> v -> v == null;
            case EQ -> equality(type, first, true);
            case NE -> equality(type, first, false);
            case LT -> ordering(type, first, c -> c < 0);
            case LE -> ordering(type, first, c -> c <= 0);
            case GT -> ordering(type, first, c -> c > 0);
            case GE -> ordering(type, first, c -> c >= 0);
            case IN -> membership(type, operands);
            case CONTAINS -> {
                String wanted = (String) first;
                yield v -> v != null && ((Set<?>) v).contains(wanted);
            }
            case CONTAINS_ANY -> {
                List<String> wanted = operands.stream().map(o -> (String) o.raw()).toList();
                yield v -> {
                    if (v == null) {
                        return false;
                    }
                    Set<?> set = (Set<?>) v;
                    for (String w : wanted) {
                        if (set.contains(w)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
        };
    }

    private static Check equality(FactType type, @Nullable Object operand, boolean equal) {
        if (type == FactType.NUMBER) {
            BigDecimal bound = (BigDecimal) operand;
            return v -> v != null && (((BigDecimal) v).compareTo(bound) == 0) == equal;
        }
        return v -> v != null && v.equals(operand) == equal;
    }

    @FunctionalInterface
    private interface Sign {
        boolean accepts(int comparison);
    }

    private static Check ordering(FactType type, @Nullable Object operand, Sign sign) {
        if (type == FactType.NUMBER) {
            BigDecimal bound = (BigDecimal) operand;
            return v -> v != null && sign.accepts(((BigDecimal) v).compareTo(bound));
        }
        LocalDate bound = (LocalDate) operand;
        return v -> v != null && sign.accepts(((LocalDate) v).compareTo(bound));
    }

    private static Check membership(FactType type, List<AttributeValue> operands) {
        if (type == FactType.NUMBER) {
            List<BigDecimal> bounds = operands.stream().map(o -> (BigDecimal) o.raw()).toList();
            return v -> v != null && bounds.stream().anyMatch(b -> b.compareTo((BigDecimal) v) == 0);
        }
        Set<Object> set = new HashSet<>();
        operands.forEach(o -> set.add(o.raw()));
        return v -> v != null && set.contains(v);
    }
}
