package org.crmkit.examples.jdbc;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.examples.contract.CustomerRepositoryProperties;
import org.crmkit.examples.contract.TouchpointRepositoryProperties;

/**
 * The kit's jqwik properties against the JDBC adapter on PostgreSQL: each try starts from empty tables. Skipped, with
 * the reason shown, when no server is given; where one is required, {@link Databases#postgres} fails instead.
 */
@AddLifecycleHook(value = PostgresRepositoryProperties.RequiresPostgres.class,
        propagateTo = PropagationMode.ALL_DESCENDANTS)
class PostgresRepositoryProperties implements CustomerRepositoryProperties, TouchpointRepositoryProperties {
    @Override
    public CustomerRepository createRepository() {
        return JdbcStores.open(Databases.postgresEmptied()).customers();
    }

    @Override
    public TouchpointRepository createTouchpoints() {
        return JdbcStores.open(Databases.postgresEmptied()).touchpoints();
    }

    @Override
    public ServiceCaseRepository createCases() {
        return JdbcStores.open(Databases.postgresEmptied()).cases();
    }

    /** jqwik's own skip, as JUnit's assumptions do not reach jqwik properties. */
    static final class RequiresPostgres implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            // Each property is skipped on its own, so the skips and their reason show in the test report.
            if (!(context instanceof PropertyLifecycleContext)) {
                return SkipResult.doNotSkip();
            }
            return Databases.postgresGiven() || Databases.postgresRequired() ? SkipResult.doNotSkip()
                    : SkipResult.skip(Databases.SKIPPED);
        }
    }
}
