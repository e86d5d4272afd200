package org.crmkit.segmentation.rule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.payment.CardNumbers;

/**
 * Why a rule held or failed for one customer: each condition, whether it held, and for each fact the value seen.
 * Every part of the rule is evaluated, so an explanation shows all that failed, not just the first. {@link #render()}
 * gives the indented text a support agent reads. Immutable.
 *
 * @param condition the condition, as rule text
 * @param held whether it held
 * @param seen the fact's value as shown to people, for a test; empty for {@code all}, {@code any} and {@code not}
 * @param parts the explanations of the parts of an {@code all}, {@code any} or {@code not}
 */
public record Explanation(String condition, boolean held, Optional<String> seen, List<Explanation> parts) {
    /** Copies the parts. */
    public Explanation {
        CardNumbers.requireNoCardNumber("condition", Objects.requireNonNull(condition, "condition"));
        Objects.requireNonNull(seen, "seen");
        parts = List.copyOf(parts);
    }

    /** {@return the tests that failed, depth first} */
    public List<Explanation> failedTests() {
        java.util.ArrayList<Explanation> out = new java.util.ArrayList<>();
        collect(this, out);
        return List.copyOf(out);
    }

    private static void collect(Explanation e, List<Explanation> out) {
        if (e.parts.isEmpty()) {
            if (!e.held) {
                out.add(e);
            }
        } else {
            e.parts.forEach(p -> collect(p, out));
        }
    }

    /**
     * Renders the explanation, one condition a line, parts indented:
     * <pre>
     * held: all of
     *   held: lifecycleStage in ["customer", "lapsed"] (seen "customer")
     *   failed: touchpoints.spend(currency=USD, window=P90D) ge 100 (seen 42.5)
     * </pre>
     *
     * @return the text
     */
    public String render() {
        StringBuilder b = new StringBuilder();
        render(this, 0, b);
        return b.toString();
    }

    private static void render(Explanation e, int indent, StringBuilder b) {
        b.append("  ".repeat(indent)).append(e.held ? "held: " : "failed: ").append(e.condition);
        e.seen.ifPresent(s -> b.append(" (seen ").append(s).append(')'));
        b.append('\n');
        e.parts.forEach(p -> render(p, indent + 1, b));
    }

    @Override
    public String toString() {
        return render();
    }
}
