package dev.ferry.it;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * A JDBC driver loaded from its jar in a class loader of its own, whose parent is the platform class loader: another
 * version of an engine than the one on the test class path (DuckDB 0.8.1 beside 1.4), used side by side in one JVM.
 */
final class IsolatedDriver implements AutoCloseable {
    private final URLClassLoader loader;
    private final Driver driver;

    private IsolatedDriver(URLClassLoader loader, Driver driver) {
        this.loader = loader;
        this.driver = driver;
    }

    /** The driver that the jar registers as a {@link Driver} service. */
    static IsolatedDriver load(Path jar) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.getClass().getClassLoader() == loader) {
                return new IsolatedDriver(loader, driver);
            }
        }
        loader.close();
        throw new IllegalStateException(jar + " registers no JDBC driver");
    }

    /** A connection through this driver (never through DriverManager, which would find the class path's). */
    Connection connect(String url) throws SQLException {
        Connection connection = driver.connect(url, new Properties());
        if (connection == null) {
            throw new SQLException("The driver in " + loader.getURLs()[0] + " does not take " + url);
        }
        return connection;
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
