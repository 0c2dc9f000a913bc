package dev.ferry.spark;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * How every process of a Spark job connects to the database: its JDBC URL (the database's own, not
 * {@code jdbc:ferry:}) and connection properties. Sent to the executors, so it holds only strings; the password is
 * among them, as Spark's own JDBC source sends it.
 *
 * @param url        the database's JDBC URL
 * @param properties the connection's properties ({@code user}, {@code password}, the driver's own)
 */
public record JdbcSource(String url, Map<String, String> properties) implements Serializable {
    private static final long serialVersionUID = 1L;

    public JdbcSource {
        properties = Map.copyOf(properties);
    }

    /**
     * Opens a connection. The driver is looked for among the drivers the context class loader serves first: the jars
     * {@code spark-submit --jars} adds are there, where {@link DriverManager} may not look.
     *
     * @throws SQLException (08001) where no driver takes the URL
     */
    public Connection open() throws SQLException {
        Properties info = new Properties();
        info.putAll(properties);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, info);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, info);
    }
}
