package org.crmkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/** What an operation did: a value, or the class of exception it threw. Used to compare an adapter with a model. */
record Outcome(@Nullable Object value, @Nullable Class<? extends RuntimeException> failure) {

    static Outcome of(Supplier<?> operation) {
        try {
            return new Outcome(operation.get(), null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getClass());
        }
    }

    static void assertSame(String what, Supplier<?> model, Supplier<?> adapter) {
        Outcome expected = of(model);
        Outcome actual = of(adapter);
        assertEquals(expected, actual, what);
    }
}
