package dev.ferry.driver;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a database URL no driver accepts was likely meant to be: {@code jdbc:ferry:jdbc:postgresql://h/db} gives the
 * database URL {@code jdbc:jdbc:postgresql://h/db}, meant as {@code jdbc:postgresql://h/db}; {@code jdbc:postgres://}
 * is PostgreSQL's {@code jdbc:postgresql://}, and so on for the engines Ferry knows.
 */
public final class UrlTypos {
    private static final Map<String, String> SUBPROTOCOLS = Map.of(
            "postgres", "postgresql", "postgre", "postgresql", "pgsql", "postgresql", "pg", "postgresql",
            "maria", "mariadb", "sqlite3", "sqlite", "hsql", "hsqldb", "duck", "duckdb", "h2db", "h2");

    private UrlTypos() {
    }

    /**
     * The URL {@code databaseUrl} was likely meant to be, for an error saying no driver accepts it.
     *
     * @param databaseUrl a database URL, {@code jdbc:} and all, without {@code ferry:}
     * @return the URL meant, or empty where nothing better is known
     */
    public static Optional<String> meant(String databaseUrl) {
        if (databaseUrl == null || !databaseUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return Optional.empty();
        }
        String rest = databaseUrl.substring(5);
        for (String doubled : new String[] {"jdbc:", "ferry:"}) {
            if (rest.regionMatches(true, 0, doubled, 0, doubled.length())) {
                String once = "jdbc:" + rest.substring(doubled.length());
                return Optional.of(meant(once).orElse(once));
            }
        }
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String subprotocol = SUBPROTOCOLS.get(rest.substring(0, colon).toLowerCase(Locale.ROOT));
        return subprotocol == null ? Optional.empty()
                : Optional.of("jdbc:" + subprotocol + rest.substring(colon));
    }
}
