package org.crmkit.examples.jdbc;

import javax.sql.DataSource;

class PostgresImportTest extends ImportContract {
    @Override
    DataSource database() {
        return Databases.postgres();
    }
}
