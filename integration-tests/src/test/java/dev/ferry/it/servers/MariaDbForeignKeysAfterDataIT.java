package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB's import adds foreign keys after the data with {@code foreign_key_checks} off, so that InnoDB adds each in
 * place rather than copying its table, and checks the rows itself: a row that refers to nothing (which a source with
 * the checks off may hold) fails the import, naming the key and the row, and leaves nothing; rows that hold keep
 * their keys, which InnoDB then enforces.
 */
class MariaDbForeignKeysAfterDataIT {

    @TempDir
    Path temp;

    private static void fill(Connection connection, boolean orphan) throws SQLException {
        ServerQueries.execute(connection,
                "CREATE TABLE parent (a int, b varchar(10), PRIMARY KEY (a, b))",
                "CREATE TABLE child (id int PRIMARY KEY, pa int, pb varchar(10),"
                        + " CONSTRAINT child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b))",
                "INSERT INTO parent VALUES (1, 'x'), (2, 'y')",
                "INSERT INTO child VALUES (1, 1, 'x'), (2, NULL, 'nothing'), (3, 2, NULL), (4, 2, 'y')");
        if (orphan) {
            ServerQueries.execute(connection, "SET foreign_key_checks = 0",
                    "INSERT INTO child VALUES (5, 2, 'x')", "SET foreign_key_checks = 1");
        }
    }

    private Path export(TestServer server, boolean orphan) throws SQLException {
        String source = server.createDatabase();
        Path export = temp.resolve("export");
        try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
            fill(ferry, orphan);
            statement.execute("EXPORT DATABASE '" + export + "'");
        } finally {
            server.dropDatabase(source);
        }
        return export;
    }

    @Test
    void aRowThatRefersToNothingFailsTheImport_namingTheKeyAndTheRow_andLeavesNothing() throws Exception {
        TestServer server = TestServer.mariadb();
        Path export = export(server, true);
        String target = server.createDatabase();
        try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> statement.execute("IMPORT DATABASE '" + export + "'"));
            assertEquals("23000", failure.getSQLState(), failure.getMessage());
            assertTrue(failure.getMessage().contains("Foreign key child_parent of `child` does not hold: the row with"
                    + " pa = 2, pb = x refers to no row of `parent`"), failure.getMessage());
            assertEquals(List.of(), ServerQueries.rows(ferry, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE()"));
            assertEquals(List.of(List.of("1")), ServerQueries.rows(ferry, "SELECT @@session.foreign_key_checks"),
                    "the session's own setting, back");
        } finally {
            server.dropDatabase(target);
        }
    }

    /** Only IMPORT turns the checks off: a user's COPY FROM into a table with a key is checked row by row. */
    @Test
    void aCopyFromStillChecksForeignKeys() throws Exception {
        TestServer server = TestServer.mariadb();
        String database = server.createDatabase();
        Path file = java.nio.file.Files.writeString(temp.resolve("c.csv"), "\"id\",\"pa\",\"pb\"\n\"9\",\"7\",\"q\"\n");
        try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
            fill(ferry, false);
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("COPY child FROM '" + file + "'"));
            assertTrue(refused.getMessage().contains("foreign key constraint fails"), refused.getMessage());
            assertEquals(List.of(), ServerQueries.rows(ferry, "SELECT id FROM child WHERE id = 9"));
        } finally {
            server.dropDatabase(database);
        }
    }

    @Test
    void rowsThatHoldKeepTheirKeys_whichInnoDbThenEnforces() throws Exception {
        TestServer server = TestServer.mariadb();
        Path export = export(server, false);
        String target = server.createDatabase();
        try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
            assertEquals(List.of(List.of("child_parent", "parent")), ServerQueries.rows(ferry, "SELECT CONSTRAINT_NAME,"
                    + " REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = DATABASE()"));
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("INSERT INTO child VALUES (9, 3, 'z')"));
            assertTrue(refused.getMessage().contains("foreign key constraint fails"), refused.getMessage());
        } finally {
            server.dropDatabase(target);
        }
    }
}
