package org.crmkit.examples.jdbc;

import org.crmkit.core.spi.CustomerRepository;
import org.crmkit.core.spi.ServiceCaseRepository;
import org.crmkit.core.spi.TouchpointRepository;
import org.crmkit.examples.contract.CustomerRepositoryProperties;
import org.crmkit.examples.contract.TouchpointRepositoryProperties;

/** The kit's jqwik properties against the JDBC adapter on H2: each try gets a fresh database. */
class H2RepositoryProperties implements CustomerRepositoryProperties, TouchpointRepositoryProperties {
    @Override
    public CustomerRepository createRepository() {
        return JdbcStores.open(Databases.h2()).customers();
    }

    @Override
    public TouchpointRepository createTouchpoints() {
        return JdbcStores.open(Databases.h2()).touchpoints();
    }

    @Override
    public ServiceCaseRepository createCases() {
        return JdbcStores.open(Databases.h2()).cases();
    }
}
