/**
 * The storage contract kit: abstract JUnit 5 test classes and jqwik property interfaces that a storage adapter
 * extends to prove it keeps every promise of the crm-core SPI, plus the arbitraries and fixtures they use. Add
 * {@code org.crmkit:crm-storage-kit} in test scope; it brings crm-core, the JUnit Jupiter API and jqwik.
 *
 * <p>An adapter's test is a few lines, and its results are reported under its own name:
 * <pre>{@code
 * class JdbcCustomerRepositoryContractTest extends CustomerRepositoryContract {
 *     private TestDatabase database;
 *
 *     @Override
 *     protected CustomerRepository createRepository() {
 *         database = TestDatabase.create();               // a fresh, empty store for each test
 *         return new JdbcCustomerRepository(database);
 *     }
 *
 *     @Override
 *     protected void breakStore() {                       // optional: lets the kit check failures are CrmExceptions
 *         database.refuseConnections();
 *     }
 * }
 * }</pre>
 *
 * <p>Every test is deterministic: ties, case-sensitive ids, page caps, merges, moves and deletes are set up on
 * purpose, not left to a random draw; the concurrency tests always run, since every repository is thread-safe.
 */
@NullMarked
package org.crmkit.kit;

import org.jspecify.annotations.NullMarked;
