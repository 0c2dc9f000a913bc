package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** VERIFY DATABASE through a Ferry connection, its rows as lists of strings. */
public final class Verification {

    private Verification() {
    }

    /**
     * The rows of {@code VERIFY DATABASE '<dir>'} on {@code ferry}: table_name, status, rows_expected, rows_found and
     * detail, each as its string or null.
     */
    public static List<List<String>> verify(Connection ferry, Path dir) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = ferry.createStatement(); ResultSet r = s.executeQuery("VERIFY DATABASE '" + dir + "'")) {
            while (r.next()) {
                rows.add(Arrays.asList(r.getString("table_name"), r.getString("status"), r.getString("rows_expected"),
                        r.getString("rows_found"), r.getString("detail")));
            }
        }
        return rows;
    }

    /** Verifies and asserts that every one of at least {@code tables} rows is {@code ok}, with the rows expected. */
    public static List<List<String>> assertOk(Connection ferry, Path dir, int tables) throws SQLException {
        List<List<String>> rows = verify(ferry, dir);
        assertEquals(tables, rows.size(), rows.toString());
        for (List<String> row : rows) {
            assertEquals("ok", row.get(1), row.toString());
            assertEquals(row.get(2), row.get(3), row.toString());
        }
        assertFalse(rows.isEmpty());
        return rows;
    }

    /** Verifies and asserts that every row is {@code ok}, naming those that are not; returns the rows. */
    public static List<List<String>> assertAllOk(Connection ferry, Path dir) throws SQLException {
        List<List<String>> rows = verify(ferry, dir);
        assertEquals(List.of(), rows.stream().filter(r -> !"ok".equals(r.get(1))).toList());
        assertFalse(rows.isEmpty());
        return rows;
    }

    /**
     * The row for {@code name}: a table's own name, unquoted and without its schema, or a schema object in words as
     * the row names it.
     */
    public static List<String> row(List<List<String>> rows, String name) {
        return rows.stream().filter(r -> r.get(0).equals(name) || unquoted(r.get(0)).equals(name)
                        || unquoted(r.get(0)).endsWith("." + name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + rows));
    }

    private static String unquoted(String name) {
        return name.replace("\"", "").replace("`", "");
    }
}
