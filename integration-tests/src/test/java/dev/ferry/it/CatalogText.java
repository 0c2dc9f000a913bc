package dev.ferry.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Catalog queries' rows in the forms the version tests compare: as read, as text, grouped by key. */
final class CatalogText {

    private CatalogText() {
    }

    /** The rows of {@code sql}, as {@link TestDatabases#rows} reads them; a failure names the query. */
    static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        try {
            return TestDatabases.rows(connection, sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\nin: " + sql, e.getSQLState(), e);
        }
    }

    /** Rows with every value as text (versions of an engine report numbers and flags in different Java types). */
    static List<List<Object>> text(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : rows(connection, sql)) {
            List<Object> text = new ArrayList<>();
            for (Object value : row) {
                text.add(value instanceof Boolean flag ? (flag ? "TRUE" : "FALSE") : value == null ? null : value.toString());
            }
            rows.add(text);
        }
        return rows;
    }

    /** One row for each key: the key's values, then its columns joined by commas. */
    static List<List<Object>> grouped(Map<List<Object>, List<String>> groups) {
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((key, columns) -> {
            List<Object> row = new ArrayList<>(key);
            row.add(String.join(",", columns));
            rows.add(row);
        });
        return rows;
    }
}
