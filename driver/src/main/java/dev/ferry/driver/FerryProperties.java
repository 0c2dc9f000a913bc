package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.options.ExportOptions;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Ferry's own connection properties, named {@code ferry.*}: given in the URL ({@code ?ferry.copy=false},
 * {@code &ferry.copy=false} or {@code ;ferry.copy=false}) or in the properties passed to {@code connect}, where the
 * URL's value wins. They are taken out before the URL and the properties reach the database's driver.
 *
 * <ul>
 *   <li>{@code ferry.copy} ({@code true} by default): whether Ferry runs {@code COPY ... TO '<file>'} and
 *       {@code COPY ... FROM '<file>'} itself, on the client; {@code false} sends every COPY to the database.</li>
 *   <li>{@code ferry.jobs} (1 to 64; by default the number of cores, at most 4): how many connections an
 *       {@code EXPORT DATABASE} without a {@code JOBS} option reads tables on at once (the command line's
 *       {@code --jobs}). An {@code IMPORT DATABASE} loads on one connection unless its own {@code JOBS} says more:
 *       on several, an import is not one transaction.</li>
 *   <li>{@code ferry.hadoop.<key>}: a Hadoop configuration setting for statements on Hadoop URIs ({@code hdfs://},
 *       {@code s3a://}), set over {@code core-site.xml}'s: {@code ferry.hadoop.fs.s3a.endpoint=http://host:9000} sets
 *       {@code fs.s3a.endpoint}. The key keeps its case.</li>
 *   <li>{@code ferry.spool} (by default {@code java.io.tmpdir}): the local directory under which statements on Hadoop
 *       URIs stage their files, each in a directory of its own deleted when the statement ends.</li>
 * </ul>
 */
public final class FerryProperties {
    /** The prefix of Ferry's properties. */
    public static final String PREFIX = "ferry.";
    /** Whether Ferry runs COPY itself. */
    public static final String COPY = "ferry.copy";
    /** How many connections an export reads on where its statement does not say. */
    public static final String JOBS = "ferry.jobs";
    /** The prefix of Hadoop configuration settings. */
    public static final String HADOOP = "ferry.hadoop.";
    /** The local directory statements on Hadoop URIs stage their files under. */
    public static final String SPOOL = "ferry.spool";
    /** The defaults: Ferry runs COPY; exports take the default JOBS; no Hadoop settings; spool in java.io.tmpdir. */
    public static final FerryProperties DEFAULTS = new FerryProperties(true, 0, Map.of(), null);

    private final boolean copy;
    private final int jobs;
    private final Map<String, String> hadoop;
    private final Path spool;

    private FerryProperties(boolean copy, int jobs, Map<String, String> hadoop, Path spool) {
        this.copy = copy;
        this.jobs = jobs;
        this.hadoop = hadoop;
        this.spool = spool;
    }

    /**
     * Ferry's properties from a URL and connection properties.
     *
     * @param url  the Ferry URL, whose {@code ferry.*} parameters win
     * @param info the connection properties; may be null
     * @throws SQLException (22023) for an unknown {@code ferry.*} property or a bad value
     */
    public static FerryProperties from(FerryUrl url, Properties info) throws SQLException {
        FerryProperties properties = DEFAULTS;
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                if (isFerrys(name)) {
                    properties = properties.with(name, info.getProperty(name));
                }
            }
        }
        for (Map.Entry<String, String> property : url.ferryProperties().entrySet()) {
            properties = properties.with(property.getKey(), property.getValue());
        }
        return properties;
    }

    /** The connection properties without Ferry's, for the database's driver; {@code info} itself when it has none. */
    public static Properties withoutFerrys(Properties info) {
        if (info == null || info.stringPropertyNames().stream().noneMatch(FerryProperties::isFerrys)) {
            return info;
        }
        Properties copy = new Properties();
        for (String name : info.stringPropertyNames()) {
            if (!isFerrys(name)) {
                copy.put(name, info.get(name) != null ? info.get(name) : info.getProperty(name));
            }
        }
        return copy;
    }

    /**
     * Ferry's own properties as {@link java.sql.Driver#getPropertyInfo} lists them, each with the value given in the
     * URL or {@code info} (else its default), a description and, where they are few, its values.
     */
    static List<DriverPropertyInfo> describe(FerryUrl url, Properties info) {
        DriverPropertyInfo copy = new DriverPropertyInfo(COPY, given(COPY, url, info, "true"));
        copy.description = "Whether Ferry runs COPY ... TO/FROM '<file>' itself, on the client (true), or sends"
                + " every COPY to the database (false)";
        copy.choices = new String[] {"true", "false"};
        DriverPropertyInfo jobs = new DriverPropertyInfo(JOBS, given(JOBS, url, info, null));
        jobs.description = "How many connections an EXPORT DATABASE without a JOBS option reads tables on at once,"
                + " 1 to " + ExportOptions.MAX_JOBS + " (default: the number of cores, at most 4)";
        DriverPropertyInfo spool = new DriverPropertyInfo(SPOOL, given(SPOOL, url, info, null));
        spool.description = "The local directory under which EXPORT, IMPORT and COPY on Hadoop URIs (hdfs://, s3a://)"
                + " stage their files (default: java.io.tmpdir)";
        DriverPropertyInfo hadoop = new DriverPropertyInfo(HADOOP + "<key>", null);
        hadoop.description = "A Hadoop configuration setting for statements on Hadoop URIs, over core-site.xml's:"
                + " ferry.hadoop.fs.s3a.endpoint=http://host:9000 sets fs.s3a.endpoint";
        return List.of(copy, jobs, spool, hadoop);
    }

    private static String given(String name, FerryUrl url, Properties info, String otherwise) {
        String value = url.ferryProperties().get(name);
        if (value == null && info != null) {
            value = info.stringPropertyNames().stream().filter(name::equalsIgnoreCase).findFirst()
                    .map(info::getProperty).orElse(null);
        }
        return value != null ? value : otherwise;
    }

    /** Whether Ferry runs COPY statements that read or write files itself. */
    public boolean copy() {
        return copy;
    }

    /** The JOBS of an export whose statement gives none, or 0 where {@code ferry.jobs} is not set. */
    public int jobs() {
        return jobs;
    }

    /** The Hadoop configuration settings ({@code ferry.hadoop.*}), keys without the prefix. */
    public Map<String, String> hadoop() {
        return hadoop;
    }

    /** The directory spools go under ({@code ferry.spool}); null for {@code java.io.tmpdir}. */
    public Path spool() {
        return spool;
    }

    static boolean isFerrys(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** These properties with {@code name} set to {@code value}. */
    private FerryProperties with(String name, String value) throws SQLException {
        if (name.regionMatches(true, 0, HADOOP, 0, HADOOP.length()) && name.length() > HADOOP.length()) {
            Map<String, String> settings = new LinkedHashMap<>(hadoop);
            settings.put(name.substring(HADOOP.length()), value == null ? "" : value);
            return new FerryProperties(copy, jobs, Map.copyOf(settings), spool);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case COPY -> new FerryProperties(copy(value), jobs, hadoop, spool);
            case JOBS -> new FerryProperties(copy, ExportOptions.jobs(value, JOBS), hadoop, spool);
            case SPOOL -> new FerryProperties(copy, jobs, hadoop, spool(value));
            default -> throw FerryErrors.invalidParameter("Unknown Ferry connection property " + name + "; valid: "
                    + COPY + ", " + JOBS + ", " + SPOOL + ", " + HADOOP + "<key>");
        };
    }

    private static Path spool(String value) throws SQLException {
        try {
            if (value == null || value.isBlank()) {
                throw new InvalidPathException(String.valueOf(value), "empty");
            }
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw FerryErrors.invalidParameter(SPOOL + " must be a local directory, got '" + value + "'");
        }
    }

    private static boolean copy(String value) throws SQLException {
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw FerryErrors.invalidParameter(COPY + " must be true or false, got '" + value + "'");
        };
    }
}
