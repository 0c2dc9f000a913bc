package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.it.realworld.MariaDbSakila;
import dev.ferry.it.realworld.RowComparison;
import dev.ferry.it.realworld.SampleKeys;
import dev.ferry.it.realworld.SampleRows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sakila's MySQL schema loaded into MariaDB by its own client, with a few rows in every table (a store and its
 * manager, who refer to each other, a binary picture, an inactive customer, a rental not returned, a payment of
 * 0.00), exported {@code (DIALECT postgresql)}
 * and imported into a fresh PostgreSQL database (issue 12, item 6): every {@code last_update TIMESTAMP ... ON UPDATE
 * CURRENT_TIMESTAMP} is a timestamp with its default there (not text), its ON UPDATE kept by a trigger of Ferry's
 * (an update that changes a row sets it, one that changes nothing leaves it); every index is there, those whose names another table's index took already (legal in MariaDB, where
 * index names are per table) renamed with a warning naming both names; every table has every one of its rows, value
 * for value as each engine's own driver reads it ({@link SampleRows}), and actor, category, country, city and
 * language give a new row the id MariaDB's AUTO_INCREMENT gives it; every primary and foreign key is there. Its views
 * are translated into PostgreSQL's SQL (item 4: GROUP_CONCAT as string_agg, IF as CASE, CONCAT as ||) and return the same
 * rows there, but for sales_by_store, which groups by the store alone and selects its city (MariaDB allows it,
 * PostgreSQL refuses it), and actor_info, whose GROUP_CONCAT orders the distinct values it joins by another expression
 * (which PostgreSQL's string_agg refuses): those are left out with a warning each saying so.
 */
class MariaDbSakilaIT {
    private static final String ROWS = """
            INSERT INTO language (language_id, name) VALUES (1, 'English'), (2, 'Italian');
            INSERT INTO actor (actor_id, first_name, last_name) VALUES (1, 'PENELOPE', 'GUINESS'), (2, 'NICK', 'WAHLBERG');
            INSERT INTO category (category_id, name) VALUES (1, 'Action');
            INSERT INTO film (film_id, title, description, release_year, language_id, rental_duration, rental_rate,
                length, replacement_cost, rating, special_features)
                VALUES (1, 'ACADEMY DINOSAUR', 'An Epic Drama', 2006, 1, 6, 0.99, 86, 20.99, 'PG',
                'Deleted Scenes,Behind the Scenes');
            INSERT INTO film_actor (actor_id, film_id) VALUES (1, 1), (2, 1);
            INSERT INTO film_category (film_id, category_id) VALUES (1, 1);
            INSERT INTO country (country_id, country) VALUES (1, 'Canada');
            INSERT INTO city (city_id, city, country_id) VALUES (1, 'Lethbridge', 1);
            SET FOREIGN_KEY_CHECKS = 0;
            INSERT INTO address (address_id, address, address2, district, city_id, postal_code, phone)
                VALUES (1, '47 MySakila Drive', NULL, 'Alberta', 1, '', ''),
                (2, '28 MySQL Boulevard', 'Suite 5', 'QLD', 1, 'T2P 0', '14033335568');
            INSERT INTO store (store_id, manager_staff_id, address_id) VALUES (1, 1, 1);
            INSERT INTO staff (staff_id, first_name, last_name, address_id, picture, email, store_id, active, username,
                password) VALUES (1, 'Mike', 'Hillyer', 1, x'89504e470d0a1a0a00ff5c27', 'Mike.Hillyer@sakilastaff.com',
                1, 1, 'Mike', '8cb2237d0679ca88db6464eac60da96345513964');
            SET FOREIGN_KEY_CHECKS = 1;
            INSERT INTO customer (customer_id, store_id, first_name, last_name, email, address_id, active, create_date)
                VALUES (1, 1, 'MARY', 'SMITH', 'MARY.SMITH@sakilacustomer.org', 2, 1, '2006-02-14 22:04:36'),
                (2, 1, 'PATRICIA', 'JOHNSON', NULL, 2, 0, '2006-02-14 22:04:37');
            INSERT INTO inventory (inventory_id, film_id, store_id) VALUES (1, 1, 1), (2, 1, 1);
            INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id)
                VALUES (1, '2005-05-24 22:53:30', 1, 1, '2005-05-26 22:04:30', 1),
                (2, '2005-05-24 22:54:33', 2, 2, NULL, 1);
            INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date)
                VALUES (1, 1, 1, 1, 2.99, '2005-05-25 11:30:37'), (2, 2, 1, NULL, 0.00, '2005-05-25 11:30:38');
            """;

    /**
     * Views whose GROUP_CONCAT (string_agg in PostgreSQL) joins a film's actors in the order the rows are read, which
     * neither engine fixes: their values are compared word by word ({@code words}), the others row by row.
     */
    private static final List<String> JOIN_IN_READ_ORDER = List.of("film_list", "nicer_but_slower_film_list");

    @TempDir
    Path temp;

    @Test
    void sakilaFromMariaDbIntoPostgres() throws Exception {
        TestServer mariadb = TestServer.mariadb();
        TestServer postgres = TestServer.postgres();
        String source = mariadb.createDatabase();
        String target = postgres.createDatabase();
        try {
            MariaDbSakila.load(mariadb, source, ROWS);
            List<String> exportWarnings;
            try (Connection from = mariadb.connectFerry(source); Connection to = postgres.connectFerry(target)) {
                try (Statement s = from.createStatement()) {
                    s.execute("EXPORT DATABASE '" + temp.resolve("export") + "' (DIALECT postgresql)");
                    exportWarnings = PostgresDependencyOrderIT.warnings(s);
                }
                try (Statement s = to.createStatement()) {
                    s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'");
                }
                assertEquals(16, Verification.assertAllOk(to, temp.resolve("export")).size());
                List<List<String>> lastUpdates = ServerQueries.rows(to, "SELECT table_name, data_type, column_default"
                        + " FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'last_update'"
                        + " ORDER BY 1");
                assertEquals(15, lastUpdates.size(), lastUpdates.toString());
                for (List<String> column : lastUpdates) {
                    assertEquals("timestamp without time zone", column.get(1), column.toString());
                    assertEquals("CURRENT_TIMESTAMP", column.get(2), column.toString());
                }
                assertTrue(exportWarnings.stream().noneMatch(w -> w.contains("ON UPDATE")), exportWarnings.toString());
                assertTrue(exportWarnings.stream().noneMatch(w -> w.contains("film.description")),
                        "a text column of another character set is a text: " + exportWarnings);
                assertTrue(exportWarnings.contains("Column film.rating (enum('G','PG','PG-13','R','NC-17') CHARACTER SET"
                        + " utf8mb3 COLLATE utf8mb3_general_ci) becomes varchar(5) in postgresql, with a check allowing"
                        + " its labels alone; it sorts as text there, not in the labels' order"), exportWarnings::toString);
                assertEquals(List.of(List.of("character varying", "5", "text")), ServerQueries.rows(to,
                        "SELECT a.data_type, a.character_maximum_length, b.data_type FROM information_schema.columns a"
                                + " JOIN information_schema.columns b ON b.table_name = a.table_name"
                                + " AND b.table_schema = a.table_schema AND b.column_name = 'description'"
                                + " WHERE a.table_schema = 'public' AND a.table_name = 'film' AND a.column_name = 'rating'"));
                SQLException notALabel = assertThrows(SQLException.class, () -> ServerQueries.execute(to,
                        "UPDATE film SET rating = 'X'"));
                assertTrue(notALabel.getMessage().contains("check constraint"), notALabel::getMessage);
                assertEquals(List.of(List.of("15")), ServerQueries.rows(to, "SELECT count(*) FROM pg_trigger"
                        + " WHERE tgname LIKE '%\\_last\\_update\\_on\\_update'"));
                assertTrue(exportWarnings.contains("FULLTEXT index idx_title_description on film_text is not carried"
                        + " to postgresql, which has no such index: CREATE FULLTEXT INDEX `idx_title_description` ON"
                        + " `film_text` (`title`, `description`); index the text the target's way (PostgreSQL: a GIN"
                        + " index on to_tsvector(...)) if queries need it"), exportWarnings.toString());
                assertTrue(exportWarnings.contains("Index idx_fk_film_id on inventory is renamed"
                        + " inventory_idx_fk_film_id in postgresql, where index names are unique in a schema and"
                        + " film_actor has an index idx_fk_film_id"), exportWarnings.toString());

                String targetIndexes = "SELECT c.relname, count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
                        + " AND NOT i.indisprimary GROUP BY c.relname ORDER BY 1";
                assertEquals(columnsPerIndex(from, source), ServerQueries.rows(to, targetIndexes));

                assertTrue(exportWarnings.contains("View sales_by_store is not carried to postgresql: it selects"
                        + " c.city without grouping by it or aggregating it, which mariadb allows and postgresql"
                        + " refuses; create it in postgresql by hand"), exportWarnings.toString());
                List<String> carried = ServerQueries.rows(to, "SELECT table_name FROM information_schema.views"
                        + " WHERE table_schema = 'public' ORDER BY 1").stream().map(r -> r.get(0)).toList();
                assertTrue(exportWarnings.stream().anyMatch(w -> w.startsWith("View actor_info is not carried to postgresql:"
                        + " its GROUP_CONCAT(DISTINCT ... ORDER BY ...)")), exportWarnings.toString());
                assertEquals(List.of("customer_list", "film_list", "nicer_but_slower_film_list",
                        "sales_by_film_category", "staff_list"), carried);
                for (String view : carried) {
                    assertEquals(SakilaViewsAcrossEnginesIT.words(from, "`" + view + "`"),
                            SakilaViewsAcrossEnginesIT.words(to, "\"" + view + "\""), view);
                }
                for (List<String> table : ServerQueries.rows(from, "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = '" + source + "' AND table_type = 'BASE TABLE' ORDER BY 1")) {
                    assertEquals(ServerQueries.rows(from, "SELECT count(*) FROM `" + table.get(0) + "`"),
                            ServerQueries.rows(to, "SELECT count(*) FROM \"" + table.get(0) + "\""), table.get(0));
                }
                try (Connection plainFrom = mariadb.connect(source); Connection plainTo = postgres.connect(target)) {
                    Map<String, SampleRows.Rows> sourceRows = SampleRows.tables(plainFrom);
                    assertEquals(2, sourceRows.get("payment").rows().size(), "payment's rows in the source");
                    RowComparison.assertSameTables(sourceRows, SampleRows.tables(plainTo));
                    for (String view : carried) {
                        if (JOIN_IN_READ_ORDER.contains(view)) {
                            continue;
                        }
                        SampleRows.Rows viewRows = SampleRows.query(plainFrom, "SELECT * FROM `" + view + "`");
                        assertFalse(viewRows.rows().isEmpty(), view + " has rows in the source");
                        RowComparison.assertSameRows("view " + view, viewRows,
                                SampleRows.query(plainTo, "SELECT * FROM \"" + view + "\""));
                    }
                    assertEquals(SakilaViewsAcrossEnginesIT.nextIds(plainFrom),
                            SakilaViewsAcrossEnginesIT.nextIds(plainTo));
                    SampleKeys.assertSameKeys(plainFrom, plainTo, "keys");
                }
                String actor = "SELECT last_update < now() - interval '1 minute' FROM actor WHERE actor_id = ";
                ServerQueries.execute(to, "UPDATE actor SET last_update = '2006-02-15 04:34:33'",
                        "UPDATE actor SET first_name = first_name WHERE actor_id = 1",
                        "UPDATE actor SET last_name = 'NEW' WHERE actor_id = 2");
                assertEquals(List.of(List.of("t")), ServerQueries.rows(to, actor + 1),
                        "set explicitly, then by an update that changes nothing");
                assertEquals(List.of(List.of("f")), ServerQueries.rows(to, actor + 2), "ON UPDATE, as a trigger");
            }
        } finally {
            mariadb.dropDatabase(source);
            postgres.dropDatabase(target);
        }
    }

    /**
     * Sakila's MySQL schema on MariaDB exported and imported into another MariaDB database (the hop MySQL → MariaDB →
     * MariaDB): every table's columns, indexes (the FULLTEXT one too) and rows, every view, trigger, procedure and
     * function as SHOW CREATE writes it come back, and the export warns of nothing.
     */
    @Test
    void sakilaOnMariaDbComesBackWhole() throws Exception {
        TestServer mariadb = TestServer.mariadb();
        String source = mariadb.createDatabase();
        String target = mariadb.createDatabase();
        try {
            MariaDbSakila.load(mariadb, source, ROWS);
            try (Connection from = mariadb.connectFerry(source); Connection to = mariadb.connectFerry(target)) {
                try (Statement s = from.createStatement()) {
                    s.execute("EXPORT DATABASE '" + temp.resolve("same") + "'");
                    assertEquals(List.of(), PostgresDependencyOrderIT.warnings(s));
                }
                try (Statement s = to.createStatement()) {
                    s.executeUpdate("IMPORT DATABASE '" + temp.resolve("same") + "'");
                }
                assertEquals(16, Verification.assertAllOk(to, temp.resolve("same")).size());
                List<String> expected = objects(from, source);
                List<String> actual = objects(to, target);
                for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                    assertEquals(expected.get(i), actual.get(i));
                }
                assertEquals(expected.size(), actual.size());
            }
        } finally {
            mariadb.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    /**
     * Each table's columns (type, character set, collation, nullability, default, extra), indexes and rows, as
     * information_schema describes them; each view's, routine's and trigger's SHOW CREATE text without its DEFINER.
     * A table's own default character set is not compared: it is not carried (each column keeps its own).
     */
    private static List<String> objects(Connection c, String database) throws Exception {
        List<String> objects = new java.util.ArrayList<>();
        String in = "'" + database + "'";
        for (List<String> object : ServerQueries.rows(c, "SELECT 'TABLE', table_name, table_type FROM"
                + " information_schema.tables WHERE table_schema = " + in + " UNION ALL SELECT routine_type,"
                + " routine_name, '' FROM information_schema.routines WHERE routine_schema = " + in
                + " UNION ALL SELECT 'TRIGGER', trigger_name, '' FROM information_schema.triggers"
                + " WHERE trigger_schema = " + in + " ORDER BY 1, 2")) {
            String kind = object.get(2).equals("VIEW") ? "VIEW" : object.get(0);
            String name = object.get(1);
            if (kind.equals("TABLE")) {
                String where = " WHERE table_schema = " + in + " AND table_name = '" + name + "'";
                objects.add(name + " " + ServerQueries.rows(c, "SELECT column_name, column_type, character_set_name,"
                        + " collation_name, is_nullable, column_default, extra FROM information_schema.columns" + where
                        + " ORDER BY ordinal_position"));
                objects.add(name + " " + ServerQueries.rows(c, "SELECT index_name, non_unique, index_type, column_name,"
                        + " sub_part FROM information_schema.statistics" + where + " ORDER BY index_name, seq_in_index"));
                objects.add(name + " " + ServerQueries.rows(c, "SELECT * FROM `" + name + "`"));
            } else {
                int column = kind.equals("VIEW") ? 1 : 2;
                objects.add(kind + " " + name + ": " + ServerQueries.rows(c, "SHOW CREATE " + kind + " `" + name + "`")
                        .get(0).get(column).replaceAll("DEFINER=`[^`]*`@`[^`]*` ", "").replace("`" + database + "`.", ""));
            }
        }
        return objects;
    }

    /** Each table's number of indexes other than its primary key (a FULLTEXT index is not carried), by table. */
    private static List<List<String>> columnsPerIndex(Connection c, String database) throws Exception {
        return ServerQueries.rows(c, "SELECT table_name, count(DISTINCT index_name) FROM information_schema.statistics"
                + " WHERE table_schema = '" + database + "' AND index_name <> 'PRIMARY' AND index_type <> 'FULLTEXT'"
                + " GROUP BY table_name ORDER BY 1");
    }
}
