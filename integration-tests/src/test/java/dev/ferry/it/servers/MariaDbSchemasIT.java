package dev.ferry.it.servers;

import static dev.ferry.it.servers.ServerQueries.execute;
import static dev.ferry.it.servers.ServerQueries.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EXPORT DATABASE (SCHEMAS 'a,b') on MariaDB: two databases, with a foreign key, a view and a sequence default across
 * them, a procedure and a trigger, exported from a connection to a third database, dropped, and imported again under
 * the same names; compared through information_schema and SHOW CREATE TABLE, row by row and by what the objects do.
 * Databases are made per test with random names, so the test repeats on one server.
 */
class MariaDbSchemasIT {
    private final TestServer server = TestServer.mariadb();

    @TempDir
    Path temp;

    /** Database {@code a}: customers, a sequence that b's orders take their ids from, a procedure, a view over b. */
    private static void createObjects(Connection c, String a, String b) throws SQLException {
        execute(c,
                "ALTER DATABASE `" + b + "` CHARACTER SET latin1 COLLATE latin1_swedish_ci",
                "CREATE TABLE `" + a + "`.customers (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL)",
                "CREATE SEQUENCE `" + a + "`.order_ids START WITH 100 NOCACHE",
                "CREATE PROCEDURE `" + a + "`.add_customer(IN i INT, IN n VARCHAR(20))"
                        + " BEGIN INSERT INTO customers VALUES (i, n); END",
                "CREATE TABLE `" + b + "`.orders (id BIGINT NOT NULL DEFAULT NEXT VALUE FOR `" + a + "`.order_ids"
                        + " PRIMARY KEY, customer_id INT NOT NULL, qty INT NOT NULL, note VARCHAR(20),"
                        + " CONSTRAINT fk_customer FOREIGN KEY (customer_id) REFERENCES `" + a + "`.customers (id)"
                        + " ON DELETE CASCADE)",
                "CREATE TABLE `" + b + "`.order_log (n INT AUTO_INCREMENT PRIMARY KEY, order_id BIGINT)",
                "CREATE TRIGGER `" + b + "`.log_order AFTER INSERT ON `" + b + "`.orders FOR EACH ROW"
                        + " INSERT INTO order_log (order_id) VALUES (NEW.id)",
                "CREATE VIEW `" + b + "`.big_orders AS SELECT o.id, c.name, o.qty FROM `" + b + "`.orders o"
                        + " JOIN `" + a + "`.customers c ON c.id = o.customer_id WHERE o.qty > 1",
                // a view of a reading a view of b: created after it, whatever the names' order
                "CREATE VIEW `" + a + "`.a_totals AS SELECT name, SUM(qty) AS total FROM `" + b + "`.big_orders"
                        + " GROUP BY name",
                "INSERT INTO `" + a + "`.customers VALUES (1, 'Ann'), (2, 'Bo')",
                "CALL `" + a + "`.add_customer(3, 'Cy')",
                "INSERT INTO `" + b + "`.orders (customer_id, qty, note) VALUES (1, 2, 'é'), (2, 1, NULL), (3, 5, 'x')");
    }

    /** The catalog of each database, as {@link MariaDbSchemaIT#describe} reads it, with the database's options. */
    private static List<List<String>> describe(Connection c, String... databases) throws SQLException {
        List<List<String>> all = new ArrayList<>();
        for (String database : databases) {
            all.addAll(rows(c, "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                    + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + database + "'"));
            execute(c, "USE `" + database + "`");
            all.addAll(MariaDbSchemaIT.describe(c));
        }
        return all;
    }

    private static List<List<String>> data(Connection c, String a, String b) throws SQLException {
        List<List<String>> all = new ArrayList<>();
        for (String query : List.of("SELECT * FROM `" + a + "`.customers ORDER BY id",
                "SELECT * FROM `" + b + "`.orders ORDER BY id", "SELECT * FROM `" + b + "`.order_log ORDER BY n",
                "SELECT * FROM `" + b + "`.big_orders ORDER BY id", "SELECT * FROM `" + a + "`.a_totals ORDER BY name")) {
            all.addAll(rows(c, query));
        }
        return all;
    }

    @Test
    void twoDatabasesComeBackUnderTheirNames() throws Exception {
        String a = server.createDatabase();
        String b = server.createDatabase();
        String current = server.createDatabase();
        Path dir = temp.resolve("two");
        try (Connection c = server.connectFerry(current)) {
            createObjects(c, a, b);
            List<String> warnings;
            try (Statement s = c.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (SCHEMAS '" + a + ", " + b + "')");
                warnings = messages(s.getWarnings());
            }
            assertEquals(List.of(), warnings);
            String schema = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
            String load = Files.readString(dir.resolve("load.sql"), StandardCharsets.UTF_8);
            String postData = Files.readString(dir.resolve("post-data.sql"), StandardCharsets.UTF_8);
            String manifest = Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8);
            assertTrue(schema.contains("CREATE DATABASE IF NOT EXISTS `" + b + "` DEFAULT CHARACTER SET latin1"
                    + " COLLATE latin1_swedish_ci;"), schema);
            assertTrue(schema.contains("CREATE TABLE `" + a + "`.`customers`"), schema);
            assertTrue(schema.contains("CREATE PROCEDURE `" + a + "`.`add_customer`"), schema);
            assertTrue(postData.contains("CREATE TRIGGER `" + b + "`.`log_order` AFTER INSERT ON `" + b + "`.`orders`"),
                    postData);
            assertTrue(postData.contains("REFERENCES `" + a + "`.`customers`"), postData);
            assertTrue(load.contains("COPY `" + b + "`.`orders`"), load);
            assertFalse(load.toUpperCase().contains("SCHEMAS"), load);
            assertFalse(schema.contains(current) || postData.contains(current) || load.contains(current),
                    "the scripts do not name the exporting connection's database");
            assertTrue(manifest.replaceAll("\\s", "").contains("\"schemas\":[\"" + a + "\",\"" + b + "\"]"), manifest);
            assertTrue(manifest.replaceAll("\\s", "").contains("\"qualifiedNames\":true"), manifest);
            assertTrue(Files.exists(dir.resolve("data/" + a + ".customers/part-0001.csv"))
                    && Files.exists(dir.resolve("data/" + b + ".orders/part-0001.csv")));

            List<List<String>> catalog;
            List<List<String>> data;
            try (Connection plain = server.connect(current)) {
                catalog = describe(plain, a, b);
                data = data(plain, a, b);
            }
            server.dropDatabase(b); // first: its foreign key refers to a
            server.dropDatabase(a);
            try (Statement s = c.createStatement()) {
                assertEquals(3 + 3 + 3, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            assertEquals(List.of(), rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()"), "nothing lands in the importing connection's database");
            try (Connection plain = server.connect(current)) {
                List<List<String>> copied = describe(plain, a, b);
                for (int i = 0; i < Math.max(catalog.size(), copied.size()); i++) {
                    assertEquals(i < catalog.size() ? catalog.get(i) : null, i < copied.size() ? copied.get(i) : null,
                            "catalog row " + i);
                }
                assertEquals(data, data(plain, a, b));
            }

            // The objects act as they did: the sequence continues, the trigger logs, the procedure inserts into its
            // own database, the foreign key across databases cascades.
            execute(c, "INSERT INTO `" + b + "`.orders (customer_id, qty) VALUES (2, 7)",
                    "CALL `" + a + "`.add_customer(4, 'Di')");
            assertEquals(List.of(List.of("103", "2", "7")), rows(c, "SELECT id, customer_id, qty FROM `" + b
                    + "`.orders WHERE qty = 7"));
            assertEquals(List.of(List.of("4", "103")), rows(c, "SELECT n, order_id FROM `" + b
                    + "`.order_log ORDER BY n DESC LIMIT 1"));
            assertEquals(List.of(List.of("Di")), rows(c, "SELECT name FROM `" + a + "`.customers WHERE id = 4"));
            execute(c, "DELETE FROM `" + a + "`.customers WHERE id = 1");
            assertEquals(List.of(List.of("3")), rows(c, "SELECT COUNT(*) FROM `" + b + "`.orders"));
            assertEquals(List.of(List.of("Bo", "7"), List.of("Cy", "5")),
                    rows(c, "SELECT * FROM `" + a + "`.a_totals ORDER BY name"));
        } finally {
            server.dropDatabase(b); // first: its foreign key refers to a
            server.dropDatabase(a);
            server.dropDatabase(current);
        }
    }

    /**
     * IMPORT refuses a database of the export that already holds tables, and leaves it alone; an empty one is filled.
     * A failed import drops the databases it created and what it created in one that existed.
     */
    @Test
    void importRefusesADatabaseThatHoldsTables_andUndoesAFailure() throws Exception {
        String a = server.createDatabase();
        String b = server.createDatabase();
        String current = server.createDatabase();
        Path dir = temp.resolve("refused");
        try (Connection c = server.connectFerry(current)) {
            createObjects(c, a, b);
            try (Statement s = c.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (SCHEMAS '" + a + "," + b + "')");
                SQLException refused = assertThrows(SQLException.class, () -> s.execute("IMPORT DATABASE '" + dir + "'"));
                assertEquals("42000", refused.getSQLState(), refused.getMessage());
                assertTrue(refused.getMessage().contains("creates the databases " + a + ", " + b), refused.getMessage());
                assertTrue(refused.getMessage().contains("TABLE " + a + ".customers"), refused.getMessage());
            }
            assertEquals(List.of(List.of("3")), rows(c, "SELECT COUNT(*) FROM `" + b + "`.orders"), "left alone");

            // b dropped, a emptied: a failing import leaves a empty and b absent.
            server.dropDatabase(b);
            execute(c, "DROP VIEW `" + a + "`.a_totals", "DROP TABLE `" + a + "`.customers",
                    "DROP SEQUENCE `" + a + "`.order_ids", "DROP PROCEDURE `" + a + "`.add_customer");
            Path postData = dir.resolve("post-data.sql");
            String original = Files.readString(postData);
            Files.writeString(postData, original + "\nSELECT no_such_column FROM `" + a + "`.customers;\n");
            try (Statement s = c.createStatement()) {
                SQLException failure = assertThrows(SQLException.class, () -> s.execute("IMPORT DATABASE '" + dir + "'"));
                assertTrue(failure.getMessage().contains("post-data.sql"), failure.getMessage());
            }
            assertEquals(List.of(List.of(a)), rows(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                    + " WHERE SCHEMA_NAME IN ('" + a + "', '" + b + "')"), "the database it created is dropped");
            assertEquals(List.of(), rows(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + a
                    + "' UNION ALL SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '" + a + "'"),
                    "what it created in the database that existed is dropped");

            Files.writeString(postData, original);
            try (Statement s = c.createStatement()) {
                assertEquals(9, s.executeUpdate("IMPORT DATABASE '" + dir + "'"));
            }
            assertEquals(List.of(List.of("3")), rows(c, "SELECT COUNT(*) FROM `" + b + "`.orders"));
        } finally {
            server.dropDatabase(b); // first: its foreign key refers to a
            server.dropDatabase(a);
            server.dropDatabase(current);
        }
    }

    /** A database that does not exist is named, with those that do; nothing is written. */
    @Test
    void anUnknownDatabaseIsRefused() throws Exception {
        String a = server.createDatabase();
        Path dir = temp.resolve("unknown");
        try (Connection c = server.connectFerry(a); Statement s = c.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> s.execute("EXPORT DATABASE '" + dir + "' (SCHEMAS '" + a + ", no_such_db')"));
            assertEquals("22023", error.getSQLState(), error.getMessage());
            assertTrue(error.getMessage().startsWith("SCHEMAS names no_such_db, which is not a database of this mariadb"
                    + " server; its databases are: "), error.getMessage());
            assertTrue(error.getMessage().contains(a), error.getMessage());
            assertFalse(error.getMessage().contains("information_schema"), error.getMessage());
        } finally {
            server.dropDatabase(a);
        }
        assertFalse(Files.exists(dir));
    }

    /** Without SCHEMAS the current database is exported as before, its names without a database. */
    @Test
    void withoutSchemasTheCurrentDatabaseIsExportedUnqualified() throws Exception {
        String a = server.createDatabase();
        Path dir = temp.resolve("current");
        try (Connection c = server.connectFerry(a); Statement s = c.createStatement()) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("EXPORT DATABASE '" + dir + "'");
            String schema = Files.readString(dir.resolve("schema.sql"), StandardCharsets.UTF_8);
            assertTrue(schema.contains("CREATE TABLE `t`"), schema);
            assertFalse(schema.contains("CREATE DATABASE") || schema.contains(a), schema);
            String manifest = Files.readString(dir.resolve("manifest.json")).replaceAll("\\s", "");
            assertTrue(manifest.contains("\"schemas\":[\"" + a + "\"]"), manifest);
            assertTrue(manifest.contains("\"qualifiedNames\":false"), manifest);
        } finally {
            server.dropDatabase(a);
        }
    }

    private static List<String> messages(SQLWarning warning) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
            messages.add(w.getMessage());
        }
        return messages;
    }
}
