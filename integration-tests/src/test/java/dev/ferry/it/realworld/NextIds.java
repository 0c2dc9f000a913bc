package dev.ferry.it.realworld;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The id a table's sequence, identity or auto-increment gives the next row, found as a user finds it: a row inserted
 * without its id, through the engine's own driver, then the table's largest id. Where the target's counter lags behind
 * the source's, the insert fails on the primary key; where it runs ahead, the id differs.
 */
public final class NextIds {

    private NextIds() {
    }

    /**
     * Inserts one row ({@code values} into {@code columns}, the id left out) into {@code table} and returns the largest
     * {@code id} after it, as a number's text. Names are written without quotes, as each engine reads them.
     */
    public static String insert(Connection plain, String table, String id, String columns, String values)
            throws SQLException {
        try (Statement statement = plain.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")");
            try (ResultSet rs = statement.executeQuery("SELECT max(" + id + ") FROM " + table)) {
                rs.next();
                return Long.toString(rs.getLong(1));
            }
        }
    }
}
