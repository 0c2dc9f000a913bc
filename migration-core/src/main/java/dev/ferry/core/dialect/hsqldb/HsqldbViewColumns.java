package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A view's column names where they are not those of its query: HSQLDB's VIEW_DEFINITION holds the query alone, without
 * the column list of {@code CREATE VIEW v (a, b) AS ...}.
 */
final class HsqldbViewColumns {

    private HsqldbViewColumns() {
    }

    /**
     * The view's columns, in order, where its query would name them otherwise (or cannot be prepared on its own);
     * empty where the query alone makes the same view.
     */
    static List<String> renamed(Connection connection, View view) throws SQLException {
        List<String> columns = CatalogQuery.list(connection, "SELECT COLUMN_NAME FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
                row -> row.getString(1), view.name().schema(), view.name().name());
        return columns.equals(queryColumns(connection, view.query())) ? List.of() : columns;
    }

    private static List<String> queryColumns(Connection connection, String query) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            ResultSetMetaData metaData = statement.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnLabel(i));
            }
        } catch (SQLException notOnItsOwn) {
            return List.of();
        }
        return names;
    }
}
