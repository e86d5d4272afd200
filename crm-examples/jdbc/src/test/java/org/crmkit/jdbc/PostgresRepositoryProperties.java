package org.crmkit.jdbc;

import javax.sql.DataSource;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * The kit's jqwik properties against the JDBC adapter on PostgreSQL: each try starts from empty tables. Skipped, with
 * the reason shown, when no server is given; where one is required, {@link Databases#postgres} fails instead.
 */
@AddLifecycleHook(value = PostgresRepositoryProperties.RequiresPostgres.class,
        propagateTo = PropagationMode.ALL_DESCENDANTS)
class PostgresRepositoryProperties extends JdbcRepositoryProperties {
    @Override
    DataSource emptyDatabase() {
        return Databases.postgresEmptied();
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
