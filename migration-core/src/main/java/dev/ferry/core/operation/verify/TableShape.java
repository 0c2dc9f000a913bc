package dev.ferry.core.operation.verify;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns an import loads into a table, as the database declares them: their names, the value kinds the import
 * reads the data file with ({@link dev.ferry.core.operation.loading.BulkLoader} takes them from the same query), and
 * how an export selects them.
 *
 * @param names   the columns' names, as the database gives them
 * @param kinds   their value kinds
 * @param selects each column as an export selects it ({@link Dialect#selectColumn})
 */
record TableShape(List<String> names, List<ValueKind> kinds, List<String> selects) {

    TableShape {
        names = List.copyOf(names);
        kinds = List.copyOf(kinds);
        selects = List.copyOf(selects);
    }

    /** The shape of {@code load}'s columns in the database; throws where the table or a column is not there. */
    static TableShape of(Connection connection, Dialect dialect, TableLoad load) throws SQLException {
        String columns = load.columns().isEmpty() ? "*" : String.join(", ", load.columns());
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT " + columns + " FROM " + load.table() + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            List<String> names = new ArrayList<>();
            List<String> selects = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnName(i));
                selects.add(dialect.selectColumn(metaData.getColumnName(i), metaData.getColumnType(i),
                        metaData.getColumnTypeName(i)));
            }
            return new TableShape(names, dialect.valueKinds(metaData), selects);
        }
    }

    /** The positions of {@code key}'s columns (matched regardless of case), or null where one is not loaded. */
    int[] positions(List<String> key) {
        int[] positions = new int[key.size()];
        for (int k = 0; k < key.size(); k++) {
            positions[k] = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(key.get(k))) {
                    positions[k] = i;
                }
            }
            if (positions[k] < 0) {
                return null;
            }
        }
        return positions;
    }
}
