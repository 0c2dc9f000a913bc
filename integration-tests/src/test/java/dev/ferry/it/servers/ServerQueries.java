package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Queries against the test servers, with results that compare as plain lists. */
final class ServerQueries {

    private ServerQueries() {
    }

    /** Every row of a query, each value as the driver's text (null for NULL). */
    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Asserts that each query gives the same rows on both databases, naming the query that does not. */
    static void assertSameRows(Connection from, Connection to, List<String> queries) throws SQLException {
        for (String sql : queries) {
            assertEquals(rows(from, sql), rows(to, sql), sql);
        }
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
