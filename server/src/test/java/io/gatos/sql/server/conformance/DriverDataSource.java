package io.gatos.sql.server.conformance;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands a pool connections from one driver and URL, as an application server's data source does;
 * needed for the stock Avatica driver, which lives in a class loader {@code DriverManager} does
 * not search.
 */
final class DriverDataSource implements DataSource {
    private final Driver driver;
    private final String url;

    DriverDataSource(Driver driver, String url) {
        this.driver = driver;
        this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver.connect(url, new Properties());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
