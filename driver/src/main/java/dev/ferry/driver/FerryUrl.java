package dev.ferry.driver;

import java.util.Objects;
import java.util.Optional;

/**
 * A Ferry JDBC URL, parsed once: {@code jdbc:ferry:<rest>} stands for the database URL {@code jdbc:<rest>}.
 *
 * <p>For example {@code jdbc:ferry:postgresql://localhost/test} opens {@code jdbc:postgresql://localhost/test}
 * through the PostgreSQL driver. The prefix {@code jdbc:ferry:} is matched in any case; the rest is passed on
 * exactly as written.
 */
public final class FerryUrl {
    /** The prefix of every Ferry URL. */
    public static final String PREFIX = "jdbc:ferry:";

    private final String url;
    private final String delegateUrl;

    private FerryUrl(String url, String delegateUrl) {
        this.url = url;
        this.delegateUrl = delegateUrl;
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
        return Optional.of(new FerryUrl(url, "jdbc:" + rest));
    }

    /** The URL as given, {@code jdbc:ferry:} included. */
    public String url() {
        return url;
    }

    /** The database's own URL: {@code jdbc:} followed by what came after {@code jdbc:ferry:}. */
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
