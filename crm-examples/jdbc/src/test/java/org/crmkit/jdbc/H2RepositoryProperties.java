package org.crmkit.jdbc;

import javax.sql.DataSource;

/** The kit's jqwik properties against the JDBC adapter on H2: each try gets a fresh database. */
class H2RepositoryProperties extends JdbcRepositoryProperties {
    @Override
    DataSource emptyDatabase() {
        return Databases.h2();
    }
}
