package dev.ferry.cli;

import dev.ferry.driver.DelegateDrivers;
import dev.ferry.driver.FerryDriver;
import dev.ferry.driver.FerryProperties;
import dev.ferry.driver.FerryUrl;
import dev.ferry.driver.UrlTypos;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Opens Ferry connections with JDBC drivers from jars given at run time, loaded in a class loader of their own and
 * found there by {@link DelegateDrivers}.
 */
final class DriverLoader implements AutoCloseable {
    private final URLClassLoader loader;
    private final List<Path> jars;

    /**
     * @param jars driver jars, loaded in their own class loader (which also sees drivers on the class path)
     */
    DriverLoader(List<Path> jars) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IOException("Driver jar " + jar + " does not exist");
            }
            urls.add(toUrl(jar));
        }
        this.loader = new URLClassLoader(urls.toArray(URL[]::new), DriverLoader.class.getClassLoader());
        this.jars = List.copyOf(jars);
    }

    private static URL toUrl(Path jar) throws MalformedURLException {
        return jar.toAbsolutePath().toUri().toURL();
    }

    /**
     * A Ferry connection to {@code url}, given with or without {@code ferry:} ({@code jdbc:h2:./db} or
     * {@code jdbc:ferry:h2:./db}).
     */
    Connection connect(String url, Properties properties) throws SQLException {
        FerryUrl ferryUrl = FerryUrl.parse(url).or(() -> FerryUrl.parse(url.regionMatches(true, 0, "jdbc:", 0, 5)
                ? FerryUrl.PREFIX + url.substring(5) : url)).orElse(null);
        String delegateUrl = ferryUrl == null ? url : ferryUrl.delegateUrl();
        FerryProperties ferryProperties = ferryUrl == null ? FerryProperties.DEFAULTS
                : FerryProperties.from(ferryUrl, properties);
        Properties driverProperties = FerryProperties.withoutFerrys(properties);
        Connection connection = DelegateDrivers.connect(delegateUrl, driverProperties, loader);
        if (connection == null) {
            Optional<String> meant = UrlTypos.meant(delegateUrl);
            throw new SQLException("No JDBC driver accepts " + delegateUrl + (meant.isPresent()
                    ? ": did you mean " + meant.get() + "?"
                    : jars.isEmpty() ? "; give the database driver's jar with --driver <jar>"
                    : "; the driver jars given (" + jars.stream().map(jar -> jar.getFileName().toString())
                    .collect(Collectors.joining(", ")) + ") take other URLs: check the jdbc:<engine>: part"), "HY000");
        }
        return FerryDriver.wrap(connection, ferryProperties,
                DelegateDrivers.source(delegateUrl, driverProperties, loader));
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
