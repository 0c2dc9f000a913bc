package dev.ferry.driver;

import dev.ferry.core.operation.ConnectionSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Finds a database's own JDBC driver where {@link java.sql.DriverManager} cannot see it: DriverManager only hands
 * out drivers visible to its caller's class loader, which misses drivers that a tool (DBeaver, an application server,
 * Ferry's command line) loaded in a class loader of their own.
 */
public final class DelegateDrivers {

    private DelegateDrivers() {
    }

    /**
     * Connects to {@code url} with the first driver that {@link ServiceLoader} finds through {@code loader} and that
     * accepts the URL; Ferry's own driver is skipped.
     *
     * @param url  the database's URL, without {@code ferry:}
     * @param info properties for the driver
     * @return the database connection (not wrapped), or null when no driver there accepts the URL
     */
    public static Connection connect(String url, Properties info, ClassLoader loader) throws SQLException {
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (!(driver instanceof FerryDriver) && driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, info);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return null;
    }

    /**
     * Opens connections to {@code url} as {@link #connect} does, for an export that reads on several connections.
     *
     * @param info properties for the driver; not to be changed afterwards
     */
    public static ConnectionSource source(String url, Properties info, ClassLoader loader) {
        return () -> {
            Connection connection = connect(url, info, loader);
            if (connection == null) {
                throw new SQLException("No JDBC driver accepts " + url + " any more", "HY000");
            }
            return connection;
        };
    }
}
