package org.crmkit.core.spi;

import java.util.function.Supplier;

/**
 * Runs work in one storage transaction: every store the work writes through (repositories, the outbox, the clock
 * store) joins it, so all of it is stored or none. Adapters whose stores share a database supply one; stores without
 * transactions (the in-memory ones) use {@link #NONE}. Implementations must be thread-safe.
 */
public interface Transactions {
    /** Runs the work directly: for stores that have no transactions to join. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws (the exception is
     * rethrown). Work started inside another transaction joins it.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result
     */
    <T> T inTransaction(Supplier<T> work);
}
