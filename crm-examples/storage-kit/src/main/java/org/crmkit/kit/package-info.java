/**
 * The storage contract kit: abstract JUnit 5 test classes and jqwik property interfaces that a storage adapter
 * extends to prove it keeps every promise of the crm-core SPI, plus the arbitraries, fixtures and controllable
 * clock they use.
 *
 * <p>An adapter's test is ten lines:
 * <pre>{@code
 * class JdbcCustomerRepositoryContractTest extends CustomerRepositoryContract {
 *     @Override
 *     protected CustomerRepository createRepository() {
 *         return new JdbcCustomerRepository(freshDataSource());
 *     }
 * }
 * }</pre>
 */
@NullMarked
package org.crmkit.kit;

import org.jspecify.annotations.NullMarked;
