package dev.ferry.it.servers;

import static dev.ferry.it.servers.Verification.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * VERIFY DATABASE on PostgreSQL and MariaDB: a database imported from an export verifies {@code ok}, as does the one
 * exported; a changed, a missing and an extra row, a NULL made an empty string, a dropped table, index and view are
 * each found, the differing row named by its key; so is a timestamp a microsecond off.
 */
class VerifyIT {
    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    /** Creates the tables, index and view, with awkward values, in {@code c}. */
    private static void fill(Connection c, TestServer.Engine engine) throws SQLException {
        boolean pg = engine == TestServer.Engine.POSTGRESQL;
        String options = pg ? "" : " DEFAULT CHARSET=utf8mb4";
        execute(c, "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(50), note VARCHAR(50), balance"
                + " DECIMAL(14, 4), born DATE, seen " + (pg ? "TIMESTAMP(6)" : "DATETIME(6)") + ", photo "
                + (pg ? "BYTEA" : "LONGBLOB") + ", score DOUBLE PRECISION, active BOOLEAN)" + options);
        execute(c, "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT REFERENCES customer (id),"
                + " amount DECIMAL(10, 2))" + options);
        execute(c, "CREATE TABLE tags (code VARCHAR(10) PRIMARY KEY, label VARCHAR(20))" + options);
        execute(c, "CREATE TABLE events (kind VARCHAR(20), at " + (pg ? "TIMESTAMP" : "DATETIME") + " NULL)" + options);
        execute(c, "CREATE INDEX orders_amount ON orders (amount)");
        execute(c, "CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= 300; i++) {
                insert.setInt(1, i);
                insert.setString(2, i % 7 == 0 ? "naïve café ✓ 😀 " + i : "Customer \"" + i + "\", line\nbreak");
                insert.setString(3, i % 3 == 0 ? null : i % 3 == 1 ? "" : "n" + i);
                insert.setBigDecimal(4, i % 5 == 0 ? null : new java.math.BigDecimal(i + ".0125").negate());
                insert.setDate(5, java.sql.Date.valueOf("19" + (10 + i % 90) + "-0" + (1 + i % 9) + "-1" + i % 10));
                insert.setTimestamp(6, java.sql.Timestamp.valueOf("2024-02-29 12:34:56." + (100000 + i)));
                insert.setBytes(7, i % 4 == 0 ? null : new byte[] {0, (byte) i, (byte) 0xff, '\\', '\''});
                insert.setDouble(8, i / 3.0);
                insert.setBoolean(9, i % 2 == 0);
                insert.executeUpdate();
            }
        }
        execute(c, "INSERT INTO orders VALUES (1, 1, 10.50), (2, 1, 250.00), (7, 2, 99.99), (8, NULL, 0.00)");
        execute(c, "INSERT INTO tags VALUES ('a', 'A'), ('b', NULL), ('', 'empty')");
        execute(c, "INSERT INTO events VALUES ('one', '2024-01-01 00:00:00'), (NULL, NULL), ('', NULL), ('one',"
                + " '2024-01-01 00:00:00')");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Exports a filled source database and imports it into a fresh one; returns the export directory. */
    private Path copy(TestServer server, String source, String target) throws SQLException {
        Path dir = temp.resolve("export");
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            fill(from, server.engine());
            execute(from, "EXPORT DATABASE '" + dir + "'");
            execute(to, "IMPORT DATABASE '" + dir + "'");
        }
        return dir;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void anImportedCopyAndItsSourceVerifyOk(TestServer.Engine engine) throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            Path dir = copy(server, source, target);
            try (Connection to = server.connectFerry(target); Connection from = server.connectFerry(source)) {
                List<List<String>> rows = Verification.assertOk(to, dir, 4);
                assertEquals(Arrays.asList("300", "300"), row(rows, "customer").subList(2, 4));
                assertEquals(Arrays.asList("4", "4"), row(rows, "events").subList(2, 4));
                Verification.assertOk(from, dir, 4);
                try (Statement s = to.createStatement()) {
                    s.execute("VERIFY DATABASE '" + dir + "'");
                    assertFalse(s.getMoreResults());
                    assertEquals(311, s.getUpdateCount());
                }
                assertTrue(to.getAutoCommit());
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    /**
     * PostgreSQL's timestamptz into MariaDB's DATETIME: the import moves each value to UTC, as the translation's warning
     * says (the server refused the text with its offset as truncated), and VERIFY compares them at UTC too; a value an
     * hour off is found.
     */
    @org.junit.jupiter.api.Test
    void timestampsWithAnOffsetLoadIntoMariaDbAtUtc_andVerify() throws Exception {
        TestServer postgres = TestServer.postgres();
        TestServer mariadb = TestServer.mariadb();
        String source = postgres.createDatabase();
        String target = mariadb.createDatabase();
        Path dir = temp.resolve("timestamptz");
        try {
            try (Connection from = postgres.connectFerry(source)) {
                execute(from, "SET TIME ZONE 'Asia/Kolkata'");
                execute(from, "CREATE TABLE placed (id int PRIMARY KEY, at timestamptz, at3 timestamptz(3))");
                execute(from, "INSERT INTO placed VALUES (1, '2024-01-01 01:00:00+00', '2024-06-01 12:34:56.789+02'),"
                        + " (2, NULL, '1999-12-31 23:59:59+05:30'), (3, '2000-02-29 00:00:00.5-08', NULL)");
                execute(from, "EXPORT DATABASE '" + dir + "'");
            }
            try (Connection to = mariadb.connectFerry(target)) {
                execute(to, "IMPORT DATABASE '" + dir + "'");
                List<List<String>> rows = new ArrayList<>();
                try (Statement s = to.createStatement();
                     ResultSet r = s.executeQuery("SELECT id, CAST(at AS CHAR), CAST(at3 AS CHAR) FROM placed"
                             + " ORDER BY id")) {
                    while (r.next()) {
                        rows.add(Arrays.asList(r.getString(1), r.getString(2), r.getString(3)));
                    }
                }
                assertEquals(List.of(Arrays.asList("1", "2024-01-01 01:00:00.000000", "2024-06-01 10:34:56.789"),
                        Arrays.asList("2", null, "1999-12-31 18:29:59.000"),
                        Arrays.asList("3", "2000-02-29 08:00:00.500000", null)), rows);
                Verification.assertOk(to, dir, 1);
                execute(to, "UPDATE placed SET at = '2024-01-01 02:00:00' WHERE id = 1");
                assertEquals("differs", row(Verification.verify(to, dir), "placed").get(1));
            }
        } finally {
            postgres.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void eachDifferenceIsFoundAndNamed(TestServer.Engine engine) throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            Path dir = copy(server, source, target);
            try (Connection to = server.connectFerry(target)) {
                execute(to, "UPDATE customer SET balance = 1 WHERE id = 42");
                execute(to, "DELETE FROM orders WHERE id = 7");
                execute(to, "INSERT INTO tags VALUES ('new', 'N')");
                execute(to, "UPDATE events SET kind = '' WHERE kind IS NULL");
                execute(to, "DROP VIEW big_orders");
                execute(to, engine == TestServer.Engine.POSTGRESQL ? "DROP INDEX orders_amount"
                        : "DROP INDEX orders_amount ON orders");
                List<List<String>> rows = Verification.verify(to, dir);
                assertEquals(Arrays.asList("differs", "300", "300",
                        "id=42: row differs in column balance (expected '-42.0125', found '1.0000')"),
                        row(rows, "customer").subList(1, 5));
                assertEquals(Arrays.asList("differs", "4", "3", "id=7: missing from the database"),
                        row(rows, "orders").subList(1, 5));
                assertEquals(Arrays.asList("differs", "3", "4", "code=new: not in the export"),
                        row(rows, "tags").subList(1, 5));
                assertEquals(Arrays.asList("differs", "4", "4", "content checksum differs"),
                        row(rows, "events").subList(1, 5));
                List<String> missing = rows.stream().filter(r -> r.get(2) == null).map(r -> r.get(1) + " " + r.get(0))
                        .toList();
                assertEquals(2, missing.size(), missing.toString());
                assertTrue(missing.get(0).matches("missing index orders_amount on (\\S+\\.)?orders"), missing.toString());
                assertTrue(missing.get(1).matches("missing view (\\S+\\.)?big_orders"), missing.toString());

                execute(to, "UPDATE customer SET balance = -42.0125 WHERE id = 42");
                execute(to, "UPDATE customer SET seen = seen + INTERVAL " + (engine == TestServer.Engine.POSTGRESQL
                        ? "'1 microsecond'" : "1 MICROSECOND") + " WHERE id = 5");
                String seen = row(Verification.verify(to, dir), "customer").get(4);
                assertTrue(seen.matches("id=5: row differs in column seen \\(expected '2024-02-29.12:34:56\\.100005',"
                        + " found '2024-02-29.12:34:56\\.100006'\\)"), seen);

                execute(to, "DROP TABLE events");
                List<String> events = row(Verification.verify(to, dir), "events");
                assertEquals(Arrays.asList("missing", "4", null), events.subList(1, 4));
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }
}
