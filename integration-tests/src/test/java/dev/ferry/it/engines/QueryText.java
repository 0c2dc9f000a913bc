package dev.ferry.it.engines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's result as the engine's text of each value ({@code getString}), for comparing across engines. */
final class QueryText {
    private QueryText() {
    }

    /** Every row, each value as text (null for NULL). */
    static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first column of every row. */
    static List<String> column(Statement statement, String sql) throws SQLException {
        return rows(statement, sql).stream().map(row -> row.get(0)).toList();
    }
}
