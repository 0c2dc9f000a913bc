package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.PostgresSakila;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sakila's PostgreSQL views exported {@code (DIALECT mariadb)} and imported into MariaDB (issue 12, item 4): each view
 * whose query can be written in MariaDB's SQL with its meaning (PostgreSQL's {@code ||} as {@code CONCAT}, its casts
 * as MariaDB's) returns the same rows there as in PostgreSQL; each view that calls Sakila's own {@code group_concat}
 * aggregate (not carried, and MariaDB's built-in of that name joins with another separator) is left out with a warning
 * naming it; every table has its rows; {@code customer.create_date}, whose default is PostgreSQL's
 * {@code ('now'::text)::date}, takes the current date in MariaDB.
 */
class SakilaViewsAcrossEnginesIT {
    /** Sakila's PostgreSQL views that call its own group_concat aggregate, which no other engine gets. */
    static final List<String> CALL_GROUP_CONCAT = List.of("actor_info", "film_list",
            "nicer_but_slower_film_list");

    @TempDir
    Path temp;

    @Test
    void sakilasViewsReturnTheSameRowsInMariaDb() throws Exception {
        TestServer postgres = TestServer.postgres();
        TestServer mariadb = TestServer.mariadb();
        String source = postgres.createDatabase();
        String target = mariadb.createDatabase();
        try {
            PostgresSakila.load(postgres.url(source), postgres.credentials());
            List<String> warnings;
            try (Connection from = postgres.connectFerry(source); Connection to = mariadb.connectFerry(target)) {
                try (Statement s = from.createStatement()) {
                    s.execute("EXPORT DATABASE '" + temp.resolve("export") + "' (DIALECT mariadb)");
                    warnings = PostgresDependencyOrderIT.warnings(s);
                }
                try (Statement s = to.createStatement()) {
                    s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'");
                }
                for (String view : CALL_GROUP_CONCAT) {
                    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("View public." + view + " is not carried")
                            && w.contains("group_concat")), () -> view + " in " + warnings);
                }
                List<String> views = ServerQueries.rows(from, "SELECT viewname FROM pg_views WHERE schemaname = 'public'"
                        + " UNION SELECT matviewname FROM pg_matviews ORDER BY 1").stream().map(r -> r.get(0)).toList();
                List<String> carried = ServerQueries.rows(to, "SELECT table_name FROM information_schema.views"
                        + " WHERE table_schema = '" + target + "' ORDER BY 1").stream().map(r -> r.get(0)).toList();
                List<String> expected = new ArrayList<>(views);
                expected.removeAll(CALL_GROUP_CONCAT);
                assertEquals(expected, carried);
                for (String view : carried) {
                    assertEquals(words(from, "\"" + view + "\""), words(to, "`" + view + "`"), view);
                }
                for (List<String> table : ServerQueries.rows(from, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1")) {
                    assertEquals(ServerQueries.rows(from, "SELECT count(*) FROM ONLY \"" + table.get(0) + "\""),
                            ServerQueries.rows(to, "SELECT count(*) FROM `" + table.get(0) + "`"), table.get(0));
                }
                assertEquals(List.of(List.of("curdate()")), ServerQueries.rows(to, "SELECT column_default FROM"
                        + " information_schema.columns WHERE table_schema = '" + target + "' AND table_name = 'customer'"
                        + " AND column_name = 'create_date'"));
            }
        } finally {
            postgres.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    /**
     * A view's row count and the words of its values, sorted: numbers without trailing zeros, booleans as 1 and 0.
     * The rows compare whatever order the engine returns them in, and so do the values an aggregate joins (whose order
     * follows the order rows are read in, which a load need not keep).
     */
    static List<String> words(Connection c, String view) throws Exception {
        List<List<String>> rows = ServerQueries.rows(c, "SELECT * FROM " + view);
        List<String> words = new ArrayList<>();
        for (List<String> row : rows) {
            for (String value : row) {
                for (String word : (value == null ? "NULL" : value).split("[,;:|()\" ]+")) {
                    words.add(normalized(word));
                }
            }
        }
        Collections.sort(words);
        words.add(0, rows.size() + " rows");
        return words;
    }

    private static String normalized(String value) {
        if (value.matches("-?\\d+\\.\\d*[1-9]0+|-?\\d+\\.0+")) {
            return value.replaceAll("\\.?0+$", "");
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "t", "true" -> "1";
            case "f", "false" -> "0";
            default -> value;
        };
    }
}
