package dev.ferry.core.operation.copying;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.operation.command.CopyToCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code COPY ... TO} reads: for a table, its columns (those named, else all) selected as EXPORT DATABASE
 * selects them ({@link Dialect#selectColumn}), so values come out exactly as in an export; for a query, the query as
 * written.
 *
 * @param name        the table or the query, for results, progress and messages
 * @param sql         the SELECT to run
 * @param columnNames the columns' names for the file's header; null for a query, whose result names them
 */
record CopySource(String name, String sql, List<String> columnNames) {

    static CopySource of(Connection connection, Dialect dialect, CopyToCommand command) throws SQLException {
        if (command.isQuery()) {
            return new CopySource("(" + command.query() + ")", command.query(), null);
        }
        String columns = command.columns().isEmpty() ? "*" : String.join(", ", command.columns());
        List<String> names = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT " + columns + " FROM " + command.table() + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                String name = metaData.getColumnName(i);
                names.add(name);
                selected.add(dialect.selectColumn(name, metaData.getColumnType(i), metaData.getColumnTypeName(i)));
            }
        }
        return new CopySource(command.table(), "SELECT " + String.join(", ", selected) + " FROM " + command.table(),
                List.copyOf(names));
    }

    /** The header's column names: the table's, or the labels of the query's result. */
    List<String> columnNames(ResultSetMetaData result) throws SQLException {
        if (columnNames != null) {
            return columnNames;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= result.getColumnCount(); i++) {
            labels.add(result.getColumnLabel(i));
        }
        return labels;
    }
}
