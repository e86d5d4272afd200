package org.crmkit.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh, empty database for one test: H2 in memory, or a new PostgreSQL schema behind a small pool (a contract
 * test makes a thousand saves, and a connection per save would cost more than the saves). It can be broken on
 * purpose, refusing every connection as a database that went away would: the kit's failure hook. Close it after
 * the test.
 */
final class TestDatabase implements DataSource, AutoCloseable {
    private final DataSource delegate;
    private volatile boolean broken;

    private TestDatabase(DataSource delegate) {
        this.delegate = delegate;
    }

    /** {@return a new H2 database in memory} */
    static TestDatabase h2() {
        return new TestDatabase(Databases.h2());
    }

    /** {@return a new schema in the test PostgreSQL server, pooled; skips the test when there is no server} */
    static TestDatabase postgres() {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(Databases.postgres());
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(0);
        pool.setPoolName("crmkit-contract-test");
        return new TestDatabase(new HikariDataSource(pool));
    }

    /** From now on every connection is refused. */
    void breakIt() {
        broken = true;
    }

    @Override
    public void close() {
        if (delegate instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    private void check() throws SQLException {
        if (broken) {
            throw new SQLException("connection refused (failure injected by the test)", "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
