package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Client-side COPY on SQLite: a table to a file and back, a query, a column list, a refused row, a refused value. */
class SqliteCopyIT {
    private static final String ITEMS = " (id INTEGER PRIMARY KEY, name TEXT, price DECIMAL(10,2), photo BLOB,"
            + " anything, at DATETIME)";

    @TempDir
    Path temp;

    private Connection open() throws SQLException {
        return DriverManager.getConnection(SqliteFiles.url(temp.resolve("copy.db")));
    }

    private static void fillItems(Connection connection) throws SQLException {
        execute(connection, "CREATE TABLE items" + ITEMS,
                "INSERT INTO items VALUES (1, 'plain', 1.5, x'00ff', 1, '2024-01-31 10:11:12.100'),"
                        + " (2, NULL, 12345678.9, x'', 'text', 1706695872), (3, 'multi' || char(10) || 'line \"q\", 😀',"
                        + " NULL, NULL, x'01', NULL), (4, '', -0.25, NULL, -0.0, 2460341.5), (5, 'x', 7, NULL, 1.5, '')");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void aTableGoesToAFileAndBackExactly(String format) throws Exception {
        Path file = temp.resolve("items." + format);
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            fillItems(connection);
            assertEquals(5, statement.executeUpdate("COPY items TO '" + file + "'"));
            assertTrue(Files.size(file) > 0);
            execute(connection, "CREATE TABLE copied" + ITEMS);
            assertEquals(5, statement.executeUpdate("COPY copied FROM '" + file + "'"));
            assertEquals(SqliteFiles.rows(connection, "items"), SqliteFiles.rows(connection, "copied"));
        }
    }

    @Test
    void aQueryAndAColumnList() throws Exception {
        Path file = temp.resolve("cheap.csv");
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            fillItems(connection);
            assertEquals(3, statement.executeUpdate("COPY (SELECT id, name FROM items WHERE price < 10 ORDER BY id)"
                    + " TO '" + file + "' (HEADER false, DELIMITER '|')"));
            assertEquals(List.of("\"1\"|\"plain\"", "\"4\"|\"\"", "\"5\"|\"x\""), Files.readAllLines(file));
            execute(connection, "CREATE TABLE names (id INTEGER PRIMARY KEY, name TEXT, note TEXT DEFAULT 'none')");
            assertEquals(3, statement.executeUpdate("COPY names (id, name) FROM '" + file
                    + "' (HEADER false, DELIMITER '|')"));
            assertEquals(List.of(List.of(1, "plain", "none"), List.of(4, "", "none"), List.of(5, "x", "none")),
                    TestDatabases.rows(connection, "SELECT * FROM names ORDER BY id"));
        }
    }

    @Test
    void aBadValueLeavesTheTableAsItWas() throws Exception {
        Path file = temp.resolve("bad.csv");
        Files.writeString(file, "\"id\",\"price\"\n\"10\",\"1.25\"\n\"11\",\"twelve\"\n");
        try (Connection connection = open()) {
            fillItems(connection);
            List<List<Object>> before = SqliteFiles.rows(connection, "items");
            SQLException e = assertThrows(SQLException.class,
                    () -> execute(connection, "COPY items (id, price) FROM '" + file + "'"));
            assertTrue(e.getMessage().contains("line 3 of bad.csv, column price"), e.getMessage());
            assertEquals(before, SqliteFiles.rows(connection, "items"));
        }
    }

    @Test
    void aValueItsColumnDoesNotCarryStopsTheCopyAndLeavesNoFile() throws Exception {
        Path file = temp.resolve("misfit.csv");
        try (Connection connection = open()) {
            fillItems(connection);
            execute(connection, "UPDATE items SET price = 'cheap' WHERE id = 3");
            SQLException e = assertThrows(SQLException.class,
                    () -> execute(connection, "COPY items TO '" + file + "'"));
            assertEquals("22000", e.getSQLState());
            assertTrue(e.getMessage().contains("row 3, column price (declared DECIMAL) holds the text value 'cheap'"),
                    e.getMessage());
            assertFalse(Files.exists(file));
        }
    }
}
