package dev.ferry.it;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * One engine version's JDBC driver in a class loader of its own (over its jar alone, parent the platform class
 * loader), so that several versions of one engine run side by side in one JVM, none seeing the test's own (DuckDB
 * 0.8.1 beside the 1.4 on the test class path).
 */
final class IsolatedJdbc implements AutoCloseable {
    private final URLClassLoader loader;
    private final Driver driver;

    private IsolatedJdbc(URLClassLoader loader, Driver driver) {
        this.loader = loader;
        this.driver = driver;
    }

    /** The driver that {@code jar} registers as a {@link Driver} service. */
    static IsolatedJdbc load(Path jar) throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Optional<Driver> driver = ServiceLoader.load(Driver.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .filter(d -> d.getClass().getClassLoader() == loader)
                .findFirst();
        if (driver.isEmpty()) {
            loader.close();
            throw new IllegalStateException(jar + " registers no JDBC driver");
        }
        return new IsolatedJdbc(loader, driver.get());
    }

    /**
     * A connection to {@code url} without properties (DuckDB takes each as a setting), through this driver: never
     * through DriverManager, which would find the class path's.
     */
    Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    /** A connection to {@code url} as {@code user} with an empty password. */
    Connection connect(String url, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        return connect(url, properties);
    }

    private Connection connect(String url, Properties properties) throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("The driver of " + loader.getURLs()[0] + " does not accept " + url);
        }
        return connection;
    }

    /** The driver's major version. */
    int majorVersion() {
        return driver.getMajorVersion();
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
