package dev.ferry.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Ferry JDBC URL, parsed once: {@code jdbc:ferry:<rest>} stands for the database URL {@code jdbc:<rest>}.
 *
 * <p>For example {@code jdbc:ferry:postgresql://localhost/test} opens {@code jdbc:postgresql://localhost/test}
 * through the PostgreSQL driver. The prefix {@code jdbc:ferry:} is matched in any case; the rest is passed on
 * exactly as written, except Ferry's own parameters ({@code ferry.*}, see {@link FerryProperties}), which are taken
 * out wherever they stand: {@code jdbc:ferry:h2:mem:a;ferry.copy=false} opens {@code jdbc:h2:mem:a}, and
 * {@code jdbc:ferry:postgresql://h/db?ferry.copy=false&ssl=true} opens {@code jdbc:postgresql://h/db?ssl=true}.
 */
public final class FerryUrl {
    /** The prefix of every Ferry URL. */
    public static final String PREFIX = "jdbc:ferry:";

    private final String url;
    private final String delegateUrl;
    private final Map<String, String> ferryProperties;

    private FerryUrl(String url, String delegateUrl, Map<String, String> ferryProperties) {
        this.url = url;
        this.delegateUrl = delegateUrl;
        this.ferryProperties = ferryProperties;
    }

    /**
     * Parses a URL.
     *
     * @param url any JDBC URL, or null
     * @return the Ferry URL, or empty when {@code url} is not one (another driver's URL, null, or
     *         {@code jdbc:ferry:} with nothing after it)
     */
    public static Optional<FerryUrl> parse(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        if (rest.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> ferryProperties = new LinkedHashMap<>();
        String delegate = withoutFerryParameters("jdbc:" + rest, ferryProperties);
        return Optional.of(new FerryUrl(url, delegate, Collections.unmodifiableMap(ferryProperties)));
    }

    /**
     * A database's URL as Ferry's: {@code jdbc:postgresql://h/db} becomes {@code jdbc:ferry:postgresql://h/db}. A URL
     * that is Ferry's already, does not begin with {@code jdbc:}, or is null, is returned as it is.
     */
    public static String ferryForm(String databaseUrl) {
        if (databaseUrl == null || parse(databaseUrl).isPresent()
                || !databaseUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return databaseUrl;
        }
        return PREFIX + databaseUrl.substring(5);
    }

    /**
     * {@code url} without its {@code ferry.*} parameters (after {@code ?}, {@code &} or {@code ;}), which are put in
     * {@code found}, names in lower case. Where the parameter after {@code ?} is taken out, the next one's {@code &}
     * becomes the {@code ?}.
     */
    private static String withoutFerryParameters(String url, Map<String, String> found) {
        StringBuilder kept = new StringBuilder();
        boolean questionMarkTaken = false;
        int start = 0;
        char separator = 0;
        for (int i = 0; i <= url.length(); i++) {
            char c = i < url.length() ? url.charAt(i) : 0;
            if (i < url.length() && c != '?' && c != '&' && c != ';') {
                continue;
            }
            String part = url.substring(start, i);
            int equals = part.indexOf('=');
            if (separator != 0 && equals > 0 && FerryProperties.isFerrys(part)) {
                found.put(name(part.substring(0, equals)), part.substring(equals + 1));
                questionMarkTaken |= separator == '?';
            } else {
                if (separator == '&' && questionMarkTaken) {
                    separator = '?';
                    questionMarkTaken = false;
                }
                if (separator != 0) {
                    kept.append(separator);
                }
                kept.append(part);
            }
            separator = c;
            start = i + 1;
        }
        return kept.toString();
    }

    /** A parameter's name in lower case, but for a Hadoop setting's key ({@code ferry.hadoop.<key>}), which keeps its case. */
    private static String name(String name) {
        String prefix = FerryProperties.HADOOP;
        if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return prefix + name.substring(prefix.length());
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The URL as given, {@code jdbc:ferry:} included. */
    public String url() {
        return url;
    }

    /**
     * Ferry's own parameters given in the URL ({@code ferry.*}), names in lower case (a Hadoop setting's key after
     * {@code ferry.hadoop.} as written), in the order written.
     */
    public Map<String, String> ferryProperties() {
        return ferryProperties;
    }

    /**
     * The database's own URL: {@code jdbc:} followed by what came after {@code jdbc:ferry:}, less Ferry's own
     * parameters.
     */
    public String delegateUrl() {
        return delegateUrl;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FerryUrl that && url.equals(that.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url);
    }

    @Override
    public String toString() {
        return url;
    }
}
