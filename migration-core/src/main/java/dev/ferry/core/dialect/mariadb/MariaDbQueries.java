package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Catalog queries on one database of a scope: each {@code DATABASE()} in their SQL is sent as
 * {@code COALESCE(?, DATABASE())}, with the database as its parameter, so that it stands for that database, or for the
 * connection's current one where the database is null.
 */
final class MariaDbQueries {
    private static final String CURRENT = "DATABASE()";
    private static final String NAMED_OR_CURRENT = "COALESCE(?, DATABASE())";

    private MariaDbQueries() {
    }

    /**
     * The databases a scope reads, each as the qualifier of its objects' names: null alone for the default scope (the
     * current database, whose objects are named without it), else the databases named.
     */
    static List<String> databases(SchemaScope scope) {
        return scope.isDefault() ? Collections.singletonList(null) : scope.named();
    }

    /** Runs {@code action} on every row of {@code sql} on {@code database} (null: the current one). */
    static void forEach(Connection connection, String database, String sql, CatalogQuery.RowAction action)
            throws SQLException {
        String bound = sql.replace(CURRENT, NAMED_OR_CURRENT);
        CatalogQuery.forEach(connection, bound, action, parameters(database, sql, bound));
    }

    /**
     * Runs {@code action} on every row of {@code sql}, a statement without parameters, sent as it is rather than
     * prepared: SHOW statements and reads of a sequence's own table, which a server-side prepare
     * ({@code useServerPrepStmts}) does not take on every MariaDB version.
     */
    static void forEachUnprepared(Connection connection, String sql, CatalogQuery.RowAction action)
            throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                action.accept(rows);
            }
        }
    }

    /** Every row of {@code sql} on {@code database} (null: the current one), each read by {@code row}. */
    static <T> List<T> list(Connection connection, String database, String sql, CatalogQuery.Row<T> row)
            throws SQLException {
        String bound = sql.replace(CURRENT, NAMED_OR_CURRENT);
        return CatalogQuery.list(connection, bound, row, parameters(database, sql, bound));
    }

    /** The first row of {@code sql} on {@code database} (null: the current one), or empty where there is none. */
    static <T> Optional<T> first(Connection connection, String database, String sql, CatalogQuery.Row<T> row)
            throws SQLException {
        String bound = sql.replace(CURRENT, NAMED_OR_CURRENT);
        return CatalogQuery.first(connection, bound, row, parameters(database, sql, bound));
    }

    /** {@code database} once for each {@code DATABASE()} that {@code bound} replaced in {@code sql}. */
    private static Object[] parameters(String database, String sql, String bound) {
        int replaced = (bound.length() - sql.length()) / (NAMED_OR_CURRENT.length() - CURRENT.length());
        Object[] parameters = new Object[replaced];
        Arrays.fill(parameters, database);
        return parameters;
    }
}
