package dev.ferry.core.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A query on an engine's catalog, run on a statement of its own (DuckDB's drivers close a statement whose query
 * failed): prepared, its parameters bound, every row read, everything closed.
 */
public final class CatalogQuery {

    private CatalogQuery() {
    }

    /** Reads one row of a query's result into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Does something with one row of a query's result. */
    @FunctionalInterface
    public interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Every row of {@code sql}, each read by {@code row}.
     *
     * @param parameters the values of its {@code ?} markers in order: strings (null as a NULL string) or other objects
     */
    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        List<T> values = new ArrayList<>();
        forEach(connection, sql, result -> values.add(row.read(result)), parameters);
        return values;
    }

    /** The first row of {@code sql} read by {@code row}, or empty where there is none. */
    public static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.ofNullable(row.read(result)) : Optional.empty();
        }
    }

    /** Runs {@code action} on every row of {@code sql}. */
    public static void forEach(Connection connection, String sql, RowAction action, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                action.accept(result);
            }
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null || parameters[i] instanceof String) {
                    statement.setString(i + 1, (String) parameters[i]);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
