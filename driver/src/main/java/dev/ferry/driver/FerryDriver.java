package dev.ferry.driver;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.operation.ConnectionSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The Ferry JDBC driver. It accepts {@code jdbc:ferry:<rest>}, opens {@code jdbc:<rest>} through whichever
 * driver {@link DriverManager} finds for it, and returns that connection wrapped as a {@link FerryConnection}:
 * all SQL reaches the database untouched, except {@code EXPORT DATABASE}, {@code IMPORT DATABASE} and
 * {@code COPY ... TO '<file>'} / {@code COPY ... FROM '<file>'} (unless {@code ferry.copy=false}), which Ferry runs
 * itself.
 *
 * <p>The driver registers itself with {@code DriverManager} when loaded, and is listed in
 * {@code META-INF/services/java.sql.Driver}.
 */
public final class FerryDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new FerryDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Wraps a connection opened by any means, e.g. by calling a {@code Driver} loaded from a jar at run time.
     *
     * @param delegate the database connection; closing the returned connection closes it
     * @return a Ferry connection over {@code delegate}; {@code delegate} itself if it already is one
     */
    public static FerryConnection wrap(Connection delegate) {
        Objects.requireNonNull(delegate, "delegate");
        if (delegate instanceof FerryConnection ferry && DelegatingHandler.isFerryProxy(ferry)) {
            return ferry;
        }
        return wrap(delegate, FerryProperties.DEFAULTS);
    }

    /**
     * Wraps a connection opened by any means, with Ferry's own connection properties.
     *
     * @param delegate   the database connection; closing the returned connection closes it
     * @param properties Ferry's properties, e.g. {@code ferry.copy=false}
     * @return a Ferry connection over {@code delegate}; {@code delegate} itself if it already is one
     */
    public static FerryConnection wrap(Connection delegate, FerryProperties properties) {
        return wrap(delegate, properties, ConnectionSource.NONE);
    }

    /**
     * Wraps a connection opened by any means, with Ferry's own connection properties and a way to open more
     * connections like it, on which {@code EXPORT DATABASE} reads tables in parallel (its {@code JOBS}).
     *
     * @param delegate        the database connection; closing the returned connection closes it
     * @param properties      Ferry's properties, e.g. {@code ferry.copy=false}
     * @param moreConnections opens connections to the same database as {@code delegate} was opened (URL, properties,
     *                        driver); {@link ConnectionSource#NONE} where there is none, and exports then read on one
     *                        connection
     * @return a Ferry connection over {@code delegate}; {@code delegate} itself if it already is one
     */
    public static FerryConnection wrap(Connection delegate, FerryProperties properties,
                                       ConnectionSource moreConnections) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(moreConnections, "moreConnections");
        if (delegate instanceof FerryConnection ferry && DelegatingHandler.isFerryProxy(ferry)) {
            return ferry;
        }
        return ConnectionHandler.wrap(delegate, MigrationEngine.CORE, properties, moreConnections);
    }

    /** Ferry's version, e.g. {@code 0.1.0}; {@code unknown} when the build did not record it. */
    public static String version() {
        return FerryVersion.get();
    }

    /**
     * Connects to the database a Ferry URL names.
     *
     * @param url  a {@code jdbc:ferry:} URL
     * @param info properties for the database's driver, passed on as they are, less Ferry's own ({@code ferry.*},
     *             see {@link FerryProperties}); may be null
     * @return the connection, or null when {@code url} is not a Ferry URL
     * @throws SQLException the database driver's error unchanged; SQLState HY000 when no driver is found for the
     *                      database URL; HY009 when {@code url} is null; 22023 for an unknown {@code ferry.*}
     *                      property or a bad value
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Optional<FerryUrl> ferryUrl = FerryUrl.parse(requireUrl(url));
        if (ferryUrl.isEmpty()) {
            return null;
        }
        String delegateUrl = ferryUrl.get().delegateUrl();
        FerryProperties ferryProperties = FerryProperties.from(ferryUrl.get(), info);
        Properties properties = copy(info == null ? new Properties() : FerryProperties.withoutFerrys(info));
        if (findDriver(delegateUrl).isPresent()) {
            return wrap(DriverManager.getConnection(delegateUrl, properties), ferryProperties,
                    () -> DriverManager.getConnection(delegateUrl, properties));
        }
        for (ClassLoader loader : new ClassLoader[] {FerryDriver.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            Connection delegate = loader == null ? null : DelegateDrivers.connect(delegateUrl, properties, loader);
            if (delegate != null) {
                return wrap(delegate, ferryProperties, DelegateDrivers.source(delegateUrl, properties, loader));
            }
        }
        Optional<String> meant = UrlTypos.meant(delegateUrl);
        if (meant.isPresent()) {
            throw new SQLException("No JDBC driver found for " + delegateUrl + " (from " + url + "): did you mean "
                    + FerryUrl.ferryForm(meant.get()) + "?", "HY000");
        }
        throw new SQLException("No JDBC driver found for " + delegateUrl + " (from " + url + "). Put the"
                + " database's JDBC driver on the class path, beside ferry.jar; after jdbc:ferry: write the database's"
                + " URL without its jdbc: prefix", "HY000");
    }

    /**
     * True exactly for {@code jdbc:ferry:} URLs, whether or not a driver for the database is present.
     *
     * @throws SQLException (HY009) when {@code url} is null
     */
    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return FerryUrl.parse(requireUrl(url)).isPresent();
    }

    /**
     * Ferry's own properties ({@code ferry.*}, with descriptions), then those of the database's driver where one is
     * found for the URL; none for a URL that is not Ferry's.
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Optional<FerryUrl> ferryUrl = FerryUrl.parse(url);
        if (ferryUrl.isEmpty()) {
            return new DriverPropertyInfo[0];
        }
        List<DriverPropertyInfo> properties = new ArrayList<>(FerryProperties.describe(ferryUrl.get(), info));
        String delegateUrl = ferryUrl.get().delegateUrl();
        Optional<Driver> driver = findDriver(delegateUrl);
        if (driver.isPresent()) {
            properties.addAll(List.of(driver.get().getPropertyInfo(delegateUrl,
                    info == null ? new Properties() : FerryProperties.withoutFerrys(info))));
        }
        return properties.toArray(DriverPropertyInfo[]::new);
    }

    @Override
    public int getMajorVersion() {
        return FerryVersion.major();
    }

    @Override
    public int getMinorVersion() {
        return FerryVersion.minor();
    }

    /** False: Ferry passes SQL to drivers of every kind, compliant or not. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.ferry");
    }

    /** A copy of {@code info}, so that the caller changing theirs later changes no further connection. */
    private static Properties copy(Properties info) {
        Properties copy = new Properties();
        for (String name : info.stringPropertyNames()) {
            copy.put(name, info.get(name) != null ? info.get(name) : info.getProperty(name));
        }
        return copy;
    }

    private static String requireUrl(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "HY009");
        }
        return url;
    }

    private static Optional<Driver> findDriver(String delegateUrl) {
        try {
            return Optional.of(DriverManager.getDriver(delegateUrl));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
