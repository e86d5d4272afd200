package org.crmkit.jdbc;

import javax.sql.DataSource;

import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.kit.CustomerRepositoryProperties;
import org.crmkit.kit.TouchpointRepositoryProperties;

/** The kit's jqwik properties against the JDBC adapter on one database, which each try gets empty. */
abstract class JdbcRepositoryProperties implements CustomerRepositoryProperties, TouchpointRepositoryProperties {
    /** {@return an empty database} */
    abstract DataSource emptyDatabase();

    @Override
    public CustomerRepository createRepository() {
        return JdbcStores.open(emptyDatabase()).customers();
    }

    @Override
    public TouchpointRepository createTouchpoints() {
        return JdbcStores.open(emptyDatabase()).touchpoints();
    }

    @Override
    public ServiceCaseRepository createCases() {
        return JdbcStores.open(emptyDatabase()).cases();
    }
}
