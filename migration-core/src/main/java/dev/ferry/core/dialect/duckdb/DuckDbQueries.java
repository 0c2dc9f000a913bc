package dev.ferry.core.dialect.duckdb;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Queries on DuckDB's catalog functions, each with a statement of its own: DuckDB's drivers close a statement whose
 * query failed.
 */
final class DuckDbQueries {

    private DuckDbQueries() {
    }

    /** Reads one row of a query's result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Every row of {@code sql} with {@code parameters} bound as strings, each read by {@code row}. */
    static <T> List<T> list(Connection connection, String sql, Row<T> row, String... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(row.read(result));
                }
            }
        }
        return rows;
    }

    /** A VARCHAR[] column as strings; empty for NULL. */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(e -> e == null ? null : e.toString()).toList();
    }
}
