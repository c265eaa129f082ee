package io.hookline.platform;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The driver behind the container's connection pool, chosen from MicroProfile Config at pool creation:
 * {@code hookline.datasource.url} (H2 or PostgreSQL), {@code .user}, {@code .password}. Annotation placeholders cannot
 * switch the driver class, so the pool is given this class and it picks the vendor's data source itself.
 * The default is an embedded H2 file database under {@code ./data}, which survives restarts; WRITE_DELAY=0 makes
 * H2 write every commit at once, or a killed process would lose its last second of committed events.
 */
public class ConfiguredDataSource implements DataSource {

    public static final String DEFAULT_URL = "jdbc:h2:file:./data/hookline;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    private static final String POSTGRESQL = "jdbc:postgresql:";

    private final DataSource delegate;

    public ConfiguredDataSource() {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        String url = config.getOptionalValue("hookline.datasource.url", String.class).orElse(DEFAULT_URL);
        String user = config.getOptionalValue("hookline.datasource.user", String.class).orElse("");
        String password = config.getOptionalValue("hookline.datasource.password", String.class).orElse("");
        this.delegate = vendorDataSource(url, user, password);
    }

    private static DataSource vendorDataSource(String url, String user, String password) {
        if (isPostgresql(url)) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setUser(user);
            postgres.setPassword(password);
            postgres.setReWriteBatchedInserts(true);
            return postgres;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        throw new IllegalStateException("hookline.datasource.url must be a jdbc:postgresql: or jdbc:h2: URL, not " + url);
    }

    public static boolean isPostgresql(String url) {
        return url.startsWith(POSTGRESQL);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
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
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
