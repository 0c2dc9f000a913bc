package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.NextIds;
import dev.ferry.it.realworld.PostgresSakila;
import dev.ferry.it.realworld.RowComparison;
import dev.ferry.it.realworld.RowComparison.Mapped;
import dev.ferry.it.realworld.SampleKeys;
import dev.ferry.it.realworld.SampleRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sakila's PostgreSQL views exported {@code (DIALECT mariadb)} and imported into MariaDB (issue 12, item 4): each view
 * whose query can be written in MariaDB's SQL with its meaning (PostgreSQL's {@code ||} as {@code CONCAT}, its casts
 * as MariaDB's) returns the same rows there as in PostgreSQL; each view that calls Sakila's own {@code group_concat}
 * aggregate (not carried, and MariaDB's built-in of that name joins with another separator) is left out with a warning
 * naming it; every table has every one of its rows, value for value (read by each engine's own driver, {@link
 * SampleRows}), but for the array column MariaDB holds as text ({@link #SPECIAL_FEATURES_AS_TEXT}); every carried
 * view returns the same rows; actor, category, country, city and language give a new row the same id as in
 * PostgreSQL (their sequences' next values are carried); every primary and foreign key is there ({@link
 * SampleKeys}); {@code customer.create_date}, whose default is PostgreSQL's
 * {@code ('now'::text)::date}, takes the current date in MariaDB; {@code film.release_year}, of the domain
 * {@code year} (an integer from 1901 to 2155), is an integer there with the domain's check, and {@code film.rating}, of
 * the enum {@code mpaa_rating}, a varchar that takes its five labels alone.
 */
class SakilaViewsAcrossEnginesIT {
    /** Sakila's PostgreSQL views that call its own group_concat aggregate, which no other engine gets. */
    static final List<String> CALL_GROUP_CONCAT = List.of("actor_info", "film_list",
            "nicer_but_slower_film_list");

    /**
     * Sakila's {@code film.special_features} is a PostgreSQL {@code text[]}; MariaDB and SQLite have no arrays, and
     * Ferry carries it as PostgreSQL's text of the array, with a warning naming the column (between-engines.md).
     */
    static final Mapped SPECIAL_FEATURES_AS_TEXT = new Mapped("film", "special_features",
            "text[] is kept as PostgreSQL's text of the array where the target has no arrays",
            RowComparison.POSTGRES_ARRAY_TEXT);

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
                try (Connection plainFrom = postgres.connect(source); Connection plainTo = mariadb.connect(target)) {
                    RowComparison.assertSameTables(SampleRows.tables(plainFrom), SampleRows.tables(plainTo),
                            SPECIAL_FEATURES_AS_TEXT);
                    for (String view : carried) {
                        RowComparison.assertSameRows("view " + view,
                                SampleRows.query(plainFrom, "SELECT * FROM \"" + view + "\""),
                                SampleRows.query(plainTo, "SELECT * FROM `" + view + "`"));
                    }
                    assertEquals(nextIds(plainFrom), nextIds(plainTo));
                    SampleKeys.assertSameKeys(plainFrom, plainTo, "keys");
                }
                assertEquals(List.of(List.of("curdate()")), ServerQueries.rows(to, "SELECT column_default FROM"
                        + " information_schema.columns WHERE table_schema = '" + target + "' AND table_name = 'customer'"
                        + " AND column_name = 'create_date'"));
                assertEquals(List.of(List.of("int")), ServerQueries.rows(to, "SELECT data_type FROM"
                        + " information_schema.columns WHERE table_schema = '" + target + "' AND table_name = 'film'"
                        + " AND column_name = 'release_year'"), "the domain year's base type");
                SQLException refused = assertThrows(SQLException.class, () -> ServerQueries.execute(to,
                        "UPDATE film SET release_year = 1800 WHERE film_id = 1"));
                assertTrue(refused.getMessage().contains("CONSTRAINT"), refused::getMessage);
                assertEquals(List.of(List.of("varchar(5)")), ServerQueries.rows(to, "SELECT column_type FROM"
                        + " information_schema.columns WHERE table_schema = '" + target + "' AND table_name = 'film'"
                        + " AND column_name = 'rating'"), "the enum mpaa_rating as a varchar of its longest label");
                SQLException notALabel = assertThrows(SQLException.class, () -> ServerQueries.execute(to,
                        "UPDATE film SET rating = 'X' WHERE film_id = 1"));
                assertTrue(notALabel.getMessage().contains("CONSTRAINT"), notALabel::getMessage);
            }
        } finally {
            postgres.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    /**
     * The id that Sakila's actor, category, country, city and language give a new row, by table: one row inserted into
     * each without its id. Call it once per database: it changes the tables.
     */
    static Map<String, String> nextIds(Connection plain) throws Exception {
        Map<String, String> ids = new TreeMap<>();
        ids.put("actor", NextIds.insert(plain, "actor", "actor_id", "first_name, last_name", "'NEW', 'ACTOR'"));
        ids.put("category", NextIds.insert(plain, "category", "category_id", "name", "'New'"));
        ids.put("country", NextIds.insert(plain, "country", "country_id", "country", "'New'"));
        ids.put("city", NextIds.insert(plain, "city", "city_id", "city, country_id", "'New', 1"));
        ids.put("language", NextIds.insert(plain, "language", "language_id", "name", "'New'"));
        return ids;
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
