package org.crmkit.jdbc;

class PostgresImportTest extends ImportContract {
    @Override
    TestDatabase database() {
        return TestDatabase.postgres();
    }
}
