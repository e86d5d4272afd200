package org.crmkit.jdbc;

class H2ImportTest extends ImportContract {
    @Override
    TestDatabase database() {
        return TestDatabase.h2();
    }
}
