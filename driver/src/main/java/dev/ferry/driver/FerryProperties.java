package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
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
 * </ul>
 */
public final class FerryProperties {
    /** The prefix of Ferry's properties. */
    public static final String PREFIX = "ferry.";
    /** Whether Ferry runs COPY itself. */
    public static final String COPY = "ferry.copy";
    /** The defaults: Ferry runs COPY. */
    public static final FerryProperties DEFAULTS = new FerryProperties(true);

    private final boolean copy;

    private FerryProperties(boolean copy) {
        this.copy = copy;
    }

    /**
     * Ferry's properties from a URL and connection properties.
     *
     * @param url  the Ferry URL, whose {@code ferry.*} parameters win
     * @param info the connection properties; may be null
     * @throws SQLException (22023) for an unknown {@code ferry.*} property or a bad value
     */
    public static FerryProperties from(FerryUrl url, Properties info) throws SQLException {
        boolean copy = DEFAULTS.copy;
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                if (isFerrys(name)) {
                    copy = apply(name, info.getProperty(name), copy);
                }
            }
        }
        for (Map.Entry<String, String> property : url.ferryProperties().entrySet()) {
            copy = apply(property.getKey(), property.getValue(), copy);
        }
        return new FerryProperties(copy);
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

    /** Whether Ferry runs COPY statements that read or write files itself. */
    public boolean copy() {
        return copy;
    }

    static boolean isFerrys(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    private static boolean apply(String name, String value, boolean copy) throws SQLException {
        if (!name.toLowerCase(Locale.ROOT).equals(COPY)) {
            throw FerryErrors.invalidParameter("Unknown Ferry connection property " + name + "; valid: " + COPY);
        }
        return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw FerryErrors.invalidParameter(COPY + " must be true or false, got '" + value + "'");
        };
    }
}
