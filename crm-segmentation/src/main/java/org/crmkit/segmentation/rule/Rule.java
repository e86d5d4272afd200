package org.crmkit.segmentation.rule;

import java.util.function.Predicate;

/**
 * A condition compiled against a {@link FactCatalog}: facts resolved, parameters bound and operands converted once,
 * so that testing a customer only reads facts and compares. Obtain one from {@link FactCatalog#compile(Condition)}.
 * Immutable and thread-safe.
 */
public final class Rule implements Predicate<Subject> {
    private final Condition condition;
    private final Compiled.Node root;
    private final FactCatalog catalog;

    Rule(Condition condition, Compiled.Node root, FactCatalog catalog) {
        this.condition = condition;
        this.root = root;
        this.catalog = catalog;
    }

    /** {@return the catalog the rule was compiled against} */
    public FactCatalog catalog() {
        return catalog;
    }

    /** {@return what tests: a class of the rule's own, or its one test} */
    Compiled.Node node() {
        return root;
    }

    /** {@return the condition this rule was compiled from} */
    public Condition condition() {
        return condition;
    }

    /**
     * Tests a customer.
     *
     * @param subject the customer and instant
     * @return true when the condition holds
     */
    @Override
    public boolean test(Subject subject) {
        return root.test(subject);
    }

    /**
     * Explains the outcome for a customer, evaluating every part of the condition.
     *
     * @param subject the customer and instant
     * @return the explanation; its {@link Explanation#held()} equals {@link #test(Subject)}
     */
    public Explanation explain(Subject subject) {
        return root.explain(subject);
    }

    @Override
    public String toString() {
        return condition.toString();
    }
}
