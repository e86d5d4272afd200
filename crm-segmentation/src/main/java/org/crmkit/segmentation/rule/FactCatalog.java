package org.crmkit.segmentation.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.core.InvalidDefinitionException;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;

/**
 * The facts rules may test, and the compiler that checks a {@link Condition} against them: every fact known, every
 * required parameter given and none unknown, every operator applicable to its fact's type, every operand of that
 * type, and the rule within the catalog's size and depth limits. Errors are {@link InvalidDefinitionException}s
 * whose path points into the rule's JSON form, such as {@code $.all[2].op}. Immutable and thread-safe.
 */
public final class FactCatalog {
    /** Default largest number of conditions in one rule. */
    public static final int DEFAULT_MAX_CONDITIONS = 1_000;
    /** Default deepest nesting of {@code all}, {@code any} and {@code not}. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private static final FactCatalog STANDARD = builder().build();

    private final Map<String, FactDefinition> facts;
    private final int maxConditions;
    private final int maxDepth;

    private FactCatalog(Builder b) {
        this.facts = Map.copyOf(b.facts);
        this.maxConditions = b.maxConditions;
        this.maxDepth = b.maxDepth;
    }

    /** {@return the standard facts only, with the default limits} */
    public static FactCatalog standard() {
        return STANDARD;
    }

    /** {@return the standard facts and those of every {@link FactProvider} found by {@link ServiceLoader}} */
    public static FactCatalog installed() {
        Builder b = builder();
        ServiceLoader.load(FactProvider.class).forEach(b::add);
        return b.build();
    }

    /** {@return a builder that starts with the standard facts} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds a fact.
     *
     * @param name the fact's name
     * @return its definition; empty when the catalog has none of that name
     */
    public Optional<FactDefinition> definition(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    /** {@return the names of every fact, sorted} */
    public Set<String> names() {
        return new TreeSet<>(facts.keySet());
    }

    /** {@return the largest number of conditions a rule may have} */
    public int maxConditions() {
        return maxConditions;
    }

    /** {@return the deepest nesting a rule may have} */
    public int maxDepth() {
        return maxDepth;
    }

    /**
     * Checks a condition and compiles it.
     *
     * @param condition the condition
     * @return the rule
     * @throws InvalidDefinitionException when the condition is too large or deep, names an unknown fact or
     *         parameter, lacks a required parameter, or applies an operator or operand the fact's type does not take
     */
    public Rule compile(Condition condition) {
        return new Rule(condition, RuleClasses.of(tree(condition)), this);
    }

    private Compiled.Node tree(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.size() > maxConditions) {
            throw new InvalidDefinitionException("$", "rule must have at most " + maxConditions
                    + " conditions: " + condition.size(), null);
        }
        if (condition.depth() > maxDepth) {
            throw new InvalidDefinitionException("$", "rule must nest at most " + maxDepth + " deep: "
                    + condition.depth(), null);
        }
        return compile(condition, "$");
    }

    /**
     * Binds a fact on its own, for analyses that need its value rather than a test of it (a grid's axis, a
     * ranking's measure).
     *
     * @param fact the fact with its parameters
     * @return the reader, which returns the Java type of the fact's {@link FactType}
     * @throws InvalidDefinitionException when the fact is unknown or its parameters are wrong
     */
    public FactReader reader(FactRef fact) {
        Objects.requireNonNull(fact, "fact");
        return bind(known(fact, "$"), fact, "$");
    }

    /**
     * Checks a condition without compiling it.
     *
     * @param condition the condition
     * @throws InvalidDefinitionException as {@link #compile(Condition)}
     */
    public void validate(Condition condition) {
        tree(condition);
    }


    private Compiled.Node compile(Condition c, String path) {
        if (c instanceof Condition.All all) {
            return new Compiled.Junction(compileAll(all.conditions(), path + ".all"), false);
        }
        if (c instanceof Condition.Any any) {
            return new Compiled.Junction(compileAll(any.conditions(), path + ".any"), true);
        }
        if (c instanceof Condition.Not not) {
            return new Compiled.Not(compile(not.condition(), path + ".not"));
        }
        Condition.Test test = (Condition.Test) c;
        FactDefinition def = known(test.fact(), path);
        checkOperator(def, test, path);
        FactReader reader = bind(def, test.fact(), path);
        return Compiled.test(def, reader, test);
    }

    private Compiled.Node[] compileAll(List<Condition> parts, String path) {
        Compiled.Node[] out = new Compiled.Node[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(parts.get(i), path + "[" + i + "]");
        }
        return out;
    }

    private FactDefinition known(FactRef fact, String path) {
        FactDefinition def = facts.get(fact.name());
        if (def == null) {
            throw new InvalidDefinitionException(path + ".fact", "unknown fact: \"" + fact.name() + "\"", null);
        }
        Set<String> missing = new TreeSet<>(def.required());
        missing.removeAll(fact.parameters().keySet());
        if (!missing.isEmpty()) {
            throw new InvalidDefinitionException(path + ".params", "fact " + fact.name() + " needs parameters "
                    + missing + ": " + fact.parameters().keySet(), null);
        }
        for (String p : fact.parameters().keySet()) {
            if (!def.required().contains(p) && !def.optional().contains(p)) {
                Set<String> allowed = new TreeSet<>(def.required());
                allowed.addAll(def.optional());
                throw new InvalidDefinitionException(path + ".params." + p, "fact " + fact.name()
                        + " takes parameters " + allowed + ", not: " + p, null);
            }
        }
        return def;
    }

    private static void checkOperator(FactDefinition def, Condition.Test test, String path) {
        Operator op = test.operator();
        if (!op.appliesTo(def.type())) {
            throw new InvalidDefinitionException(path + ".op", "operator " + op + " does not apply to "
                    + def.type().label() + " fact " + def.name() + ": " + op, null);
        }
        List<AttributeValue> operands = test.operands();
        for (int i = 0; i < operands.size(); i++) {
            if (!def.type().accepts(operands.get(i))) {
                throw new InvalidDefinitionException(path + ".value" + (operands.size() > 1 ? "[" + i + "]" : ""),
                        "operand of " + op + " on " + def.type().label() + " fact " + def.name() + " must be "
                        + (def.type() == FactType.TEXT_SET ? "text" : def.type().label()) + ": "
                        + Literals.show(operands.get(i)), null);
            }
        }
    }

    private static FactReader bind(FactDefinition def, FactRef fact, String path) {
        FactReader reader;
        try {
            reader = def.binder().apply(fact.parameters());
        } catch (IllegalArgumentException | RuleViolationException e) {
            throw new InvalidDefinitionException(path + ".params", "fact " + fact.name() + ": " + e.getMessage(), e);
        }
        return Objects.requireNonNull(reader, () -> "fact " + fact.name() + " bound to no reader");
    }

    /** Builds a catalog; starts with the standard facts. Not thread-safe. */
    public static final class Builder {
        private final Map<String, FactDefinition> facts = new LinkedHashMap<>();
        private int maxConditions = DEFAULT_MAX_CONDITIONS;
        private int maxDepth = DEFAULT_MAX_DEPTH;

        private Builder() {
            StandardFacts.all().forEach(this::add);
        }

        /**
         * Adds a fact.
         *
         * @param fact the definition
         * @return this builder
         * @throws IllegalArgumentException when the catalog already has a fact of that name
         */
        public Builder add(FactDefinition fact) {
            FactDefinition earlier = facts.putIfAbsent(fact.name(), fact);
            if (earlier != null) {
                throw new IllegalArgumentException("fact name already in the catalog: " + fact.name());
            }
            return this;
        }

        /**
         * Adds a provider's facts.
         *
         * @param provider the provider
         * @return this builder
         * @throws IllegalArgumentException when a name clashes
         */
        public Builder add(FactProvider provider) {
            Collection<FactDefinition> contributed = provider.facts();
            Set<String> names = new HashSet<>();
            for (FactDefinition f : contributed) {
                if (!names.add(f.name())) {
                    throw new IllegalArgumentException("provider repeats fact name: " + f.name());
                }
            }
            new ArrayList<>(contributed).forEach(this::add);
            return this;
        }

        /**
         * Declares a typed custom attribute as the fact {@code attribute.<name>}. A profile whose attribute has
         * another type reads as having no value.
         *
         * @param name the attribute's name in profiles
         * @param type text, number, flag or date
         * @return this builder
         * @throws IllegalArgumentException for a set type or a clashing name
         */
        public Builder attribute(String name, FactType type) {
            return add(StandardFacts.attribute(name, type));
        }

        /**
         * Sets the limits for rules, which matter for rules that come from outside.
         *
         * @param conditions the largest number of conditions, at least 1
         * @param depth the deepest nesting, at least 1
         * @return this builder
         * @throws IllegalArgumentException when a limit is below 1
         */
        public Builder limits(int conditions, int depth) {
            if (conditions < 1 || depth < 1) {
                throw new IllegalArgumentException("limits must be at least 1: conditions=" + conditions
                        + ", depth=" + depth);
            }
            this.maxConditions = conditions;
            this.maxDepth = depth;
            return this;
        }

        /** {@return the catalog} */
        public FactCatalog build() {
            return new FactCatalog(this);
        }
    }
}
