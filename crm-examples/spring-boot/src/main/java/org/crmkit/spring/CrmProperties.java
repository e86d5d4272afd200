package org.crmkit.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * crmkit's settings under {@code crmkit.*}. Immutable; bound once at start.
 *
 * @param jdbc the JDBC stores, made when the application has a {@code DataSource}
 * @param loyalty the loyalty ledger, made when a program is given
 * @param cache the profile cache in front of the customer store
 */
@ConfigurationProperties("crmkit")
public record CrmProperties(@DefaultValue Jdbc jdbc, @DefaultValue Loyalty loyalty, @DefaultValue Cache cache) {

    /**
     * The JDBC stores.
     *
     * @param migrate whether to create or upgrade crmkit's tables on start through Flyway; false when the
     *     application's own migrations own them, and the stores then run no DDL
     */
    public record Jdbc(@DefaultValue("true") boolean migrate) {
    }

    /**
     * The loyalty ledger.
     *
     * @param program the loyalty program, a JSON document such as classpath:program.json; a Ledger bean runs it
     *     over the same stores as Crm
     * @param earnOnTouchpoints whether purchases and refunds recorded through Crm earn and take back points by
     *     themselves
     */
    public record Loyalty(@Nullable Resource program, @DefaultValue("true") boolean earnOnTouchpoints) {
    }

    /**
     * The profile cache.
     *
     * @param customers the most profiles kept in memory in front of the store; 0 for no cache
     */
    public record Cache(@DefaultValue("0") long customers) {
        /** Checks the size. */
        public Cache {
            if (customers < 0) {
                throw new IllegalArgumentException("crmkit.cache.customers must not be negative: " + customers);
            }
        }
    }
}
