package org.crmkit.examples.jdbc;

import javax.sql.DataSource;

class H2ImportTest extends ImportContract {
    @Override
    DataSource database() {
        return Databases.h2();
    }
}
